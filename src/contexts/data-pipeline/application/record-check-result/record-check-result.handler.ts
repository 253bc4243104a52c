import { Injectable } from '@nestjs/common';
import { edgeFrom } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import { LineageTransaction } from '../ports/lineage-transaction.js';
import type { RecordCheckResultCommand } from './record-check-result.command.js';

/**
 * Records a check result as a node that `checked` its dataset version, so what is downstream of the
 * result is what used that data, and as an entry of the version's `checks` facet.
 */
@Injectable()
export class RecordCheckResultHandler {
  constructor(
    private readonly transaction: LineageTransaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordCheckResultCommand): Promise<void> {
    const { projectId, checkResultId, datasetVersionId, checkName, outcome, at } = command;
    const result: LineageNodeRef = { type: 'check-result', id: checkResultId };
    const version: LineageNodeRef = { type: 'dataset-version', id: datasetVersionId };
    return this.transaction.run(async () => {
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
    });
  }
}
