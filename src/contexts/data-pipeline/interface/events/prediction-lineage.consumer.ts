import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import { RecordBatchPredictionHandler } from '../../application/record-batch-prediction/record-batch-prediction.handler.js';
import type { PredictionEventsAsRead } from './prediction-events.js';

const LINEAGE_EVENTS = [
  'prediction.batch-prediction.started.v1',
  'prediction.batch-prediction.succeeded.v1',
  'prediction.batch-prediction.failed.v1',
] as const;
type LineageEvent = (typeof LINEAGE_EVENTS)[number];

const STATE_OF: Readonly<Record<LineageEvent, 'running' | 'succeeded' | 'failed'>> = {
  'prediction.batch-prediction.started.v1': 'running',
  'prediction.batch-prediction.succeeded.v1': 'succeeded',
  'prediction.batch-prediction.failed.v1': 'failed',
};

/** Feeds the lineage graph with batch predictions: input version and model version in, output version out. */
@Injectable()
export class PredictionLineageConsumer extends SelfCommittingEventHandler<PredictionEventsAsRead, LineageEvent> {
  readonly consumer = 'data-pipeline.lineage-from-prediction';
  readonly eventType = LINEAGE_EVENTS;

  constructor(private readonly batchPredictions: RecordBatchPredictionHandler) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<PredictionEventsAsRead, LineageEvent>): Promise<void> {
    const { projectId, batchPredictionId, deploymentId, modelVersionId, inputVersionId } = event.payload;
    const outputVersionId = 'outputVersionId' in event.payload ? event.payload.outputVersionId : undefined;
    await this.batchPredictions.execute({
      projectId,
      batchPredictionId,
      deploymentId,
      modelVersionId,
      inputVersionId,
      state: STATE_OF[event.type],
      ...(outputVersionId !== undefined && { outputVersionId }),
      at: event.occurredAt,
    });
  }
}
