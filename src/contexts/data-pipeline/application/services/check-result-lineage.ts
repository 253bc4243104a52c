import { Injectable } from '@nestjs/common';
import { edgeFrom } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeRef } from '../../domain/lineage/lineage-node.js';

export type CheckOutcome = 'pass' | 'warn' | 'fail';

export interface CheckResultInLineage {
  readonly projectId: string;
  readonly checkResultId: string;
  readonly datasetVersionId: string;
  readonly checkName: string;
  readonly outcome: CheckOutcome;
  readonly at: string;
}

/**
 * Records a check result as a node that `checked` its dataset version, so what is downstream of the
 * result is what used that data, and as an entry of the version's `checks` facet. The caller's
 * transaction holds the writes together.
 */
@Injectable()
export class CheckResultLineage {
  constructor(private readonly graph: LineageGraphRepository) {}

  async record(entry: CheckResultInLineage): Promise<void> {
    const { projectId, checkResultId, datasetVersionId, checkName, outcome, at } = entry;
    const result: LineageNodeRef = { type: 'check-result', id: checkResultId };
    const version: LineageNodeRef = { type: 'dataset-version', id: datasetVersionId };
    await this.graph.recordNode({
      ...result,
      projectId,
      name: `check ${checkName}`,
      facets: { check: { name: checkName, outcome, datasetVersionId, at } },
    });
    await this.graph.recordEdge(edgeFrom(result, 'checked', version), projectId);
    await this.graph.recordFacetEntry({ ...version, projectId }, 'checks', checkResultId, {
      name: checkName,
      outcome,
      at,
    });
  }
}
