/**
 * The other contexts' events that feed alert signals, with the fields signals read, named and typed
 * as their producers' contracts declare them. application/ does not import another context, so the
 * reading is written down here; the consumer hands over the producers' own typed envelopes, so a
 * contract change that this reading does not accept fails the typecheck there.
 */
export interface SignalEventsAsRead {
  'workflow-engine.workflow-run.started.v1': RunFields;
  'workflow-engine.workflow-run.succeeded.v1': RunFields;
  'workflow-engine.workflow-run.failed.v1': RunFields;
  'workflow-engine.workflow-run.cancelled.v1': RunFields;
  'workflow-engine.task-run.succeeded.v1': TaskRunFields;
  'workflow-engine.task-run.failed.v1': TaskRunFields;
  'data-pipeline.check-suite.failed.v1': {
    readonly projectId: string;
    readonly datasetId: string;
    readonly versionId: string;
    readonly checkRunId: string;
    readonly checks: readonly { readonly checkResultId: string; readonly status: string }[];
  };
  'model-registry.model.registered.v1': ModelFields;
  'model-registry.model-version.approved.v1': ModelFields;
}

export type SignalEventType = keyof SignalEventsAsRead;

/** An integration event of another context that feeds an alert signal: its type narrows its payload. */
export type RecordSignalEventCommand = {
  readonly [TType in SignalEventType]: {
    readonly type: TType;
    readonly occurredAt: string;
    readonly payload: SignalEventsAsRead[TType];
  };
}[SignalEventType];

interface RunFields {
  readonly runId: string;
  readonly projectId: string;
  readonly workflowId: string;
}

interface TaskRunFields extends RunFields {
  readonly taskRunKey: string;
  readonly taskId: string;
  readonly attempt: number;
}

interface ModelFields {
  readonly modelId: string;
  readonly projectId: string;
}
