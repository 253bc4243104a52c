import type { InputColumns } from '../../domain/batch/batch-prediction.js';

/** Predict every row of a dataset version with one model version of the project, no deployment needed. */
export interface StartVersionBatchPredictionCommand {
  readonly projectId: string;
  readonly modelVersionId: string;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  readonly columns?: InputColumns;
  readonly chunkSize?: number;
  readonly actorId: string;
}
