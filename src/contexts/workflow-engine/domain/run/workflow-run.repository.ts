import type { RunState } from './run-state.js';
import type { TaskLogEntry } from './task-log-entry.js';
import type { WorkflowRun } from './workflow-run.js';

/** A run that holds or waits for one of its workflow's concurrency slots. */
export interface ActiveRun {
  readonly id: string;
  readonly state: Extract<RunState, 'queued' | 'running' | 'paused'>;
}

export interface SaveOptions {
  /**
   * Stored with a new run, unique per workflow: of two concurrent starts with one key, the second
   * save fails with IdempotencyKeyTaken.
   */
  readonly idempotencyKey?: string;
  /** Task log lines that describe this change. */
  readonly logs?: readonly TaskLogEntry[];
}

/**
 * Port: runs with their task runs and transitions. `save` writes the snapshot and the pulled events
 * (to the outbox) in one transaction, checking the aggregate version for optimistic locking: two
 * reports about one run must not overwrite each other.
 */
export abstract class WorkflowRunRepository {
  abstract findById(runId: string): Promise<WorkflowRun | undefined>;
  /**
   * Loads the run and holds it against concurrent changes until the surrounding transaction ends, so
   * many reports about the tasks of one run queue up instead of failing each other (docs/adr/0203).
   */
  abstract findForUpdate(runId: string): Promise<WorkflowRun | undefined>;
  /** Runs of a workflow in queued, running or paused state, oldest first: the concurrency policy's input. */
  abstract findActive(workflowId: string): Promise<ActiveRun[]>;
  /** Workflows with runs waiting in state queued for a concurrency slot. */
  abstract workflowsWithQueuedRuns(): Promise<string[]>;
  /** The run a start request with this key made, so a repeated request finds it instead of starting another. */
  abstract findIdByIdempotencyKey(workflowId: string, key: string): Promise<string | undefined>;
  abstract save(run: WorkflowRun, options?: SaveOptions): Promise<void>;
}
