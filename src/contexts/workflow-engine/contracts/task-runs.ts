import { inSpan, type CarriedContext } from '@libs/platform';
import type { Span } from '@opentelemetry/api';

/** What the job of a contributed task type carries: one attempt of one task run, ids only (ARCHITECTURE section 4). */
export interface TaskRunJob {
  readonly runId: string;
  /** The task run's key: its task id, with the item index for a fanned-out task. */
  readonly key: string;
  /** The fencing token: reports of a superseded attempt are refused. */
  readonly attempt: number;
  /** The trace and correlation of the change that enqueued it: run the work in it (`runInJobContext`). */
  readonly context?: CarriedContext;
}

/** One attempt to execute, as the engine hands it to the context that owns the task type. */
export interface TaskAssignment extends TaskRunJob {
  readonly type: string;
  readonly taskId: string;
  readonly workflowId: string;
  readonly projectId: string;
  /** The user the run acts for; absent only for runs older than that record. */
  readonly actorId?: string;
  /** The task's params, rendered and already checked against the type's params schema. */
  readonly params: unknown;
  readonly timeoutMs?: number;
}

/**
 * The engine's side of executing a contributed task type. The engine enqueues a `TaskRunJob` on
 * the type's queue; the owning context's processor calls `start`, executes, and reports. Reports
 * of a superseded attempt or a finished run throw ConflictError (or NotFoundError for a run that
 * is gone): the executor then drops the job, as its work was already handed to another attempt.
 */
export abstract class TaskRunGateway {
  /**
   * Marks the attempt running and answers it; undefined when there is nothing to execute: a stale
   * job, a cache hit, or params that broke the type's schema once rendered (the attempt then failed).
   */
  abstract start(job: TaskRunJob): Promise<TaskAssignment | undefined>;
  abstract complete(job: TaskRunJob, outputs: Readonly<Record<string, unknown>>): Promise<void>;
  abstract fail(job: TaskRunJob, error: string): Promise<void>;
  /** Appends lines to the attempt's log, read at `GET /workflow-runs/{runId}/tasks/{key}/logs`. */
  abstract log(job: TaskRunJob, lines: readonly string[]): Promise<void>;
}

/** The BullMQ prefix of a context's queues: one hash tag per context, so Redis Cluster keeps each in one slot. */
export const queuePrefixOf = (context: string): string => `{${context}}`;

/**
 * Runs one attempt's execution in its span, `execute <type>`, named and attributed alike by the
 * engine and by every context executing a contributed type (ADR 0602). The span is undefined when
 * tracing is off.
 */
export function inTaskExecutionSpan<T>(
  attempt: TaskRunJob,
  type: string,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const attributes = {
    'workflow.run.id': attempt.runId,
    'workflow.task.key': attempt.key,
    'workflow.task.attempt': attempt.attempt,
  };
  return inSpan(`execute ${type}`, { attributes }, work);
}
