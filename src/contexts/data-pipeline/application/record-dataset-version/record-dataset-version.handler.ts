import { Injectable } from '@nestjs/common';
import { edgeFrom, type LineageEdge } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { taskRunNodeId, type LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordDatasetVersionCommand } from './record-dataset-version.command.js';

/** Records a dataset version, and the run (and task run) that `produced` it unless it was uploaded. */
@Injectable()
export class RecordDatasetVersionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordDatasetVersionCommand): Promise<void> {
    const { projectId, datasetId, versionId, producer, at } = command;
    const version: LineageNodeRef = { type: 'dataset-version', id: versionId };
    return this.transaction.run(async () => {
      await this.graph.recordNode({
        ...version,
        projectId,
        name: `dataset ${datasetId} version ${versionId}`,
        facets: { dataset: { id: datasetId }, producer: { ...producer }, created: { at } },
      });
      for (const edge of producingEdges(producer, version)) await this.graph.recordEdge(edge, projectId);
    });
  }
}

function producingEdges(producer: RecordDatasetVersionCommand['producer'], version: LineageNodeRef): LineageEdge[] {
  const { kind, runId, taskRunId } = producer;
  // An upload or a table-source snapshot has no run of ours to link to: the source shows in the facet.
  if (kind === 'upload' || kind === 'table-source' || !runId) return [];
  const edges = [edgeFrom({ type: kind, id: runId }, 'produced', version)];
  if (kind === 'workflow-run' && taskRunId) {
    edges.push(edgeFrom({ type: 'task-run', id: taskRunNodeId(runId, taskRunId) }, 'produced', version));
  }
  return edges;
}
