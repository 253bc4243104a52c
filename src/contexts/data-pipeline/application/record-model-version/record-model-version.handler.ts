import { Injectable } from '@nestjs/common';
import { edgeFrom, type LineageEdge } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { taskRunNodeId, type LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordModelVersionCommand } from './record-model-version.command.js';

/**
 * Records a model version and what it came of: its workflow run and task run `produced` it (both,
 * so the run leads to the version even when its task run is not recorded), and each training
 * dataset version it was `trained-on`. The run is not created here: a run id no workflow run
 * event named stays a dangling edge end, which is what the `lineage-complete` rule must see.
 */
@Injectable()
export class RecordModelVersionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordModelVersionCommand): Promise<void> {
    const { projectId, modelId, versionId, versionNumber, framework, source, at } = command;
    const version: LineageNodeRef = { type: 'model-version', id: versionId };
    const upstream: LineageEdge[] = command.trainingDatasetVersionIds.map((id) =>
      edgeFrom({ type: 'dataset-version', id }, 'trained-on', version),
    );
    if (source) {
      upstream.unshift(
        edgeFrom({ type: 'workflow-run', id: source.runId }, 'produced', version),
        edgeFrom({ type: 'task-run', id: taskRunNodeId(source.runId, source.taskId) }, 'produced', version),
      );
    }
    return this.transaction.run(async () => {
      await this.graph.recordNode({
        ...version,
        projectId,
        name: `model ${modelId} version ${versionNumber}`,
        facets: { model: { id: modelId, versionNumber, framework }, registered: { at } },
      });
      for (const edge of upstream) await this.graph.recordEdge(edge, projectId);
    });
  }
}
