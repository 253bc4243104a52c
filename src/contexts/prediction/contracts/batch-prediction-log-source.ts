import { LogSource } from '@libs/platform/ports';

/** The `source` of batch predictions' log records. */
export const BATCH_PREDICTION_LOG_SOURCE_NAME = 'batch-prediction';

/** The log lines of batch predictions, for monitoring's log search (docs/adr/0605). */
export abstract class BatchPredictionLogSource extends LogSource {}
