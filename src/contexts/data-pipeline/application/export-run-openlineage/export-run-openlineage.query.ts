export interface ExportRunOpenLineageQuery {
  /** A workflow run's or a pipeline run's id. */
  readonly runId: string;
}
