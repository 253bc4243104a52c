/**
 * Integration events the data-pipeline context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/data-pipeline` so publish and
 * handle type-check against one definition.
 */
export interface DataPipelineEvents {
  'data-pipeline.dataset-version.created.v1': {
    readonly projectId: string;
    readonly datasetId: string;
    readonly versionId: string;
    readonly producer: DatasetVersionProducer;
  };
}

/** What wrote a dataset version: an upload, or a run (and, for a workflow run, its task run's key). */
export interface DatasetVersionProducer {
  readonly kind: 'upload' | 'pipeline-run' | 'workflow-run';
  readonly runId?: string;
  readonly taskRunId?: string;
}

export type DataPipelineEventType = keyof DataPipelineEvents;
