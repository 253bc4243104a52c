import type { InputColumns } from '../../domain/batch/batch-prediction.js';

/** Predict every row of a dataset version with a deployment's variant, into a new version of another dataset. */
export interface StartBatchPredictionCommand {
  readonly deploymentId: string;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  /** The variant whose pinned version predicts; by default the primary variant with the largest share. */
  readonly variant?: string;
  readonly columns?: InputColumns;
  readonly chunkSize?: number;
  /** A workflow task's attempt: starting again with the same key answers the job it started. */
  readonly idempotencyKey?: string;
  readonly actorId: string;
}
