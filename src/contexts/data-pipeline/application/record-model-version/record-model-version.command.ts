/** A model version was registered, with the run that produced it and the data it was trained on. */
export interface RecordModelVersionCommand {
  readonly projectId: string;
  readonly modelId: string;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly framework: string;
  readonly source: { readonly runId: string; readonly taskId: string } | null;
  readonly trainingDatasetVersionIds: readonly string[];
  readonly at: string;
}
