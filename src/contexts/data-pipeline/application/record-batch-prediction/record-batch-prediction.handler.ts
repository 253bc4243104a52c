import { Injectable } from '@nestjs/common';
import { edgeFrom } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordBatchPredictionCommand } from './record-batch-prediction.command.js';

/**
 * Records a batch prediction as a run of the graph: the input dataset version and the model version
 * it `consumed`, and once it succeeded the output version it `produced` (the output version's own
 * event links it too; both upsert the same edge). Each state is a facet of its own, so an event
 * delivered late never hides a later one.
 */
@Injectable()
export class RecordBatchPredictionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordBatchPredictionCommand): Promise<void> {
    const { projectId, batchPredictionId, deploymentId, modelVersionId, inputVersionId, state, at } = command;
    const job: LineageNodeRef = { type: 'batch-prediction', id: batchPredictionId };
    const edges = [
      edgeFrom({ type: 'dataset-version', id: inputVersionId }, 'consumed', job),
      edgeFrom({ type: 'model-version', id: modelVersionId }, 'consumed', job),
      ...(command.outputVersionId
        ? [edgeFrom(job, 'produced', { type: 'dataset-version', id: command.outputVersionId })]
        : []),
    ];
    return this.transaction.run(async () => {
      await this.graph.recordNode({
        ...job,
        projectId,
        name: `batch prediction ${batchPredictionId}`,
        facets: { batchPrediction: { deploymentId, modelVersionId }, [state]: { at } },
      });
      for (const edge of edges) await this.graph.recordEdge(edge, projectId);
    });
  }
}
