/** A dataset version was created, by an upload or by a run. */
export interface RecordDatasetVersionCommand {
  readonly projectId: string;
  readonly datasetId: string;
  readonly versionId: string;
  readonly producer: {
    readonly kind: 'upload' | 'pipeline-run' | 'workflow-run' | 'table-source' | 'batch-prediction';
    readonly runId?: string;
    readonly taskRunId?: string;
    readonly tableSource?: { readonly name: string; readonly query: string };
  };
  readonly at: string;
}
