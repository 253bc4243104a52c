import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';

/**
 * Port: a batch prediction's log, a line per start, chunk and end, written in the transaction of
 * the change it tells about (docs/adr/0605). Monitoring searches it.
 */
export abstract class BatchPredictionLog {
  abstract append(job: BatchPrediction, level: 'info' | 'warn' | 'error', message: string): Promise<void>;
}
