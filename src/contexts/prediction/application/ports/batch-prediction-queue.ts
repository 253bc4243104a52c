/** The context's own queue of batch predictions, worked by its worker processes. */
export const BATCH_PREDICTION_QUEUE = 'prediction.batch-predictions';

/** Port: hands a batch prediction to a worker. */
export abstract class BatchPredictionQueue {
  abstract enqueue(jobId: string): Promise<void>;
}
