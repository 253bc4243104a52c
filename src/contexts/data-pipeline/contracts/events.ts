import { eventTypesOf } from '@libs/messaging';

/**
 * Integration events the data-pipeline context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/data-pipeline` so publish and
 * handle type-check against one definition.
 */
export interface DataPipelineEvents {
  'data-pipeline.dataset-version.created.v1': {
    readonly datasetId: string;
    readonly projectId: string;
    readonly versionId: string;
    readonly versionNumber: number;
    readonly format: 'csv' | 'jsonl' | 'parquet';
    readonly rowCount: number;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly producer: DatasetVersionProducer;
  };
  'data-pipeline.check-suite.passed.v1': CheckSuiteRunPayload;
  'data-pipeline.check-suite.warned.v1': CheckSuiteRunPayload;
  'data-pipeline.check-suite.failed.v1': CheckSuiteRunPayload;
  'data-pipeline.pipeline-run.started.v1': PipelineRunPayload;
  'data-pipeline.pipeline-run.succeeded.v1': PipelineRunPayload & { readonly outputs: readonly PipelineRunOutput[] };
  'data-pipeline.pipeline-run.failed.v1': PipelineRunPayload & { readonly error: string };
}

/** A pipeline run of a version of a pipeline; `attempt` counts the times it was queued (a retry is attempt 2). */
export interface PipelineRunPayload {
  readonly projectId: string;
  readonly pipelineId: string;
  readonly pipelineVersion: number;
  readonly runId: string;
  readonly attempt: number;
  readonly actorId: string;
}

/** A dataset version a pipeline run loaded: a load step's output, or a validate step's quarantined rows. */
export interface PipelineRunOutput {
  readonly step: string;
  readonly role: 'output' | 'quarantine';
  readonly datasetId: string;
  readonly versionId: string;
}

/** A check suite ran against a dataset version; the event's type carries the run's worst status. */
export interface CheckSuiteRunPayload {
  readonly projectId: string;
  readonly datasetId: string;
  readonly versionId: string;
  readonly checkRunId: string;
  readonly checks: readonly CheckSummary[];
}

/** One check of a run, enough for an alert to name what failed without reading the report. */
export interface CheckSummary {
  readonly checkResultId: string;
  readonly name: string;
  readonly kind: string;
  readonly severity: 'warn' | 'error';
  readonly status: 'pass' | 'warn' | 'fail';
  readonly observedValue: number | null;
  readonly threshold: string;
  /** Failing rows of a row-level check; null for the others. */
  readonly failingRows: number | null;
}

/** Who made a dataset version: an upload (or registration) by a user, a pipeline or workflow run, or a table-source snapshot. */
export interface DatasetVersionProducer {
  readonly kind: 'upload' | 'pipeline-run' | 'workflow-run' | 'table-source' | 'batch-prediction';
  readonly actorId: string;
  readonly runId: string | null;
  /** For a workflow run, the key of the task run that wrote the version. */
  readonly taskRunId?: string;
  /** For a table-source snapshot: the source's configured name and its query (never the connection string). */
  readonly tableSource?: { readonly name: string; readonly query: string };
}

export type DataPipelineEventType = keyof DataPipelineEvents;

/** Every event type this context publishes, at run time: the workflow engine validates triggers against it. */
export const DATA_PIPELINE_EVENT_TYPES = eventTypesOf<DataPipelineEvents>()([
  'data-pipeline.dataset-version.created.v1',
  'data-pipeline.check-suite.passed.v1',
  'data-pipeline.check-suite.warned.v1',
  'data-pipeline.check-suite.failed.v1',
  'data-pipeline.pipeline-run.started.v1',
  'data-pipeline.pipeline-run.succeeded.v1',
  'data-pipeline.pipeline-run.failed.v1',
]);
