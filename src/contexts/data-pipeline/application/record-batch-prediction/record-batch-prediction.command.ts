/** A batch prediction started, succeeded or failed: the input it read and the model version that predicted. */
export interface RecordBatchPredictionCommand {
  readonly projectId: string;
  readonly batchPredictionId: string;
  readonly deploymentId: string | null;
  readonly modelVersionId: string;
  readonly inputVersionId: string;
  readonly state: 'running' | 'succeeded' | 'failed';
  /** Its output version, once it succeeded. */
  readonly outputVersionId?: string;
  readonly at: string;
}
