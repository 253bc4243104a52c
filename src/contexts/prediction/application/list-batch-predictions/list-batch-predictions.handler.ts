import { Injectable } from '@nestjs/common';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import type { ListBatchPredictionsQuery } from './list-batch-predictions.query.js';

/** A deployment's batch predictions, newest first. */
@Injectable()
export class ListBatchPredictionsHandler {
  constructor(private readonly jobs: BatchPredictionRepository) {}

  execute(query: ListBatchPredictionsQuery): Promise<BatchPrediction[]> {
    return this.jobs.listByDeployment(query.deploymentId);
  }
}
