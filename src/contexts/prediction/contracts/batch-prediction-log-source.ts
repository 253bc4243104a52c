import { LogSource } from '@libs/platform/ports';

/** The log lines of batch predictions, for monitoring's log search (docs/adr/0605). Records' `source` is `batch-prediction`. */
export abstract class BatchPredictionLogSource extends LogSource {}
