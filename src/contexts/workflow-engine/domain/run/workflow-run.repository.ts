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
  /**
   * Losing the change in a database crash is harmless (an attempt's start: the task is queued again
   * and runs again), so its commit need not wait for the WAL flush; a later commit that waits makes it
   * durable too. Only a change that commits alone may say so: a transaction's commit is all or nothing.
   */
  readonly mayBeLost?: boolean;
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
  /**
   * The run as this process last committed it, without reading or locking its row (undefined when
   * none is kept), for one change at a time: until it is saved or given back, nobody else gets it. Its
   * save checks the version alone: when another writer moved the run on meanwhile, the save throws
   * ConcurrencyError and writes nothing, and the change goes again on the run read under its lock.
   */
  abstract takeCommitted(runId: string): WorkflowRun | undefined;
  /** Gives back a run from `takeCommitted` that its change left as it was. */
  abstract giveBack(run: WorkflowRun): void;
  /** Whether the stored run is still at this run's version: nobody changed it since it was read or saved. */
  abstract isLatest(run: WorkflowRun): Promise<boolean>;
  /**
   * The run as this process last committed it (undefined when none is kept), to look at and not
   * change: it may be behind what another process committed since.
   */
  abstract peekCommitted(runId: string): WorkflowRun | undefined;
  /** Runs of a workflow in queued, running or paused state, oldest first: the concurrency policy's input. */
  abstract findActive(workflowId: string): Promise<ActiveRun[]>;
  /** Workflows with runs waiting in state queued for a concurrency slot. */
  abstract workflowsWithQueuedRuns(): Promise<string[]>;
  /** The run a start request with this key made, so a repeated request finds it instead of starting another. */
  abstract findIdByIdempotencyKey(workflowId: string, key: string): Promise<string | undefined>;
  abstract save(run: WorkflowRun, options?: SaveOptions): Promise<void>;
}
