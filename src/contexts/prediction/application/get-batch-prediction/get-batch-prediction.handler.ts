import { Injectable } from '@nestjs/common';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { requireBatchPrediction } from '../services/batch-prediction-lookup.js';
import type { GetBatchPredictionQuery } from './get-batch-prediction.query.js';

/** A batch prediction with its progress. */
@Injectable()
export class GetBatchPredictionHandler {
  constructor(private readonly jobs: BatchPredictionRepository) {}

  execute(query: GetBatchPredictionQuery): Promise<BatchPrediction> {
    return requireBatchPrediction(this.jobs, query.batchPredictionId);
  }
}
