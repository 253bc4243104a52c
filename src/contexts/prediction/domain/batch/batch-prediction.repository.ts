import type { BatchPrediction } from './batch-prediction.js';

/** Port: the batch predictions of every project. */
export abstract class BatchPredictionRepository {
  abstract add(job: BatchPrediction): Promise<void>;
  /** Writes a changed job if nobody changed it since it was read (ConcurrencyError otherwise). */
  abstract save(job: BatchPrediction): Promise<void>;
  abstract find(id: string, options?: { readonly lock?: 'update' }): Promise<BatchPrediction | undefined>;
  abstract findByIdempotencyKey(key: string): Promise<BatchPrediction | undefined>;
  /** The deployment's jobs, newest first. */
  abstract listByDeployment(deploymentId: string): Promise<BatchPrediction[]>;
}
