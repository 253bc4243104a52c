import { eventTypesOf } from '@libs/messaging';

/**
 * Integration events the workflow-engine context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/workflow-engine` so publish and
 * handle type-check against one definition.
 */
export interface WorkflowEngineEvents {
  'workflow-engine.workflow-run.started.v1': RunLifePayload & {
    readonly params: Readonly<Record<string, unknown>>;
  };
  'workflow-engine.workflow-run.succeeded.v1': RunLifePayload;
  'workflow-engine.workflow-run.failed.v1': RunLifePayload & { readonly failedTasks: readonly string[] };
  'workflow-engine.workflow-run.cancelled.v1': RunLifePayload & { readonly reason: string };
  'workflow-engine.task-run.succeeded.v1': TaskRunPayload & { readonly outputs: unknown };
  'workflow-engine.task-run.failed.v1': TaskRunPayload & { readonly error: string };
  'workflow-engine.approval.requested.v1': TaskRunPayload & {
    /** The task run's state from now until a decision or its deadline. */
    readonly state: 'waiting_for_approval';
    readonly message?: string;
    readonly approvers: readonly string[];
  };
}

interface WorkflowRunPayload {
  readonly runId: string;
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly projectId: string;
  /** How many runs in a row events started, ending with this one; 0 when it was started otherwise. */
  readonly triggerDepth: number;
}

/** A run's start or end. */
interface RunLifePayload extends WorkflowRunPayload {
  /**
   * When the run started (ISO-8601), told by its end as well as its start, so that a consumer that
   * hears of the end first knows of the start (its recording may be retried later). Absent on the
   * end of a run cancelled before it started, and on events published before it was added.
   */
  readonly startedAt?: string;
}

interface TaskRunPayload extends WorkflowRunPayload {
  /** The task's id in the definition, with the item index for a fan-out (`train[2]`). */
  readonly taskRunKey: string;
  readonly taskId: string;
  readonly taskType: string;
  readonly attempt: number;
}

/** Every event type this context publishes, at run time: the workflow engine validates triggers against it. */
export const WORKFLOW_ENGINE_EVENT_TYPES = eventTypesOf<WorkflowEngineEvents>()([
  'workflow-engine.workflow-run.started.v1',
  'workflow-engine.workflow-run.succeeded.v1',
  'workflow-engine.workflow-run.failed.v1',
  'workflow-engine.workflow-run.cancelled.v1',
  'workflow-engine.task-run.succeeded.v1',
  'workflow-engine.task-run.failed.v1',
  'workflow-engine.approval.requested.v1',
]);
