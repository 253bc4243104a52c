import type { RunState } from './run-state.js';
import type { WorkflowRun } from './workflow-run.js';

/** A run that holds or waits for one of its workflow's concurrency slots. */
export interface ActiveRun {
  readonly id: string;
  readonly state: Extract<RunState, 'queued' | 'running' | 'paused'>;
}

/**
 * Port: runs with their task runs and transitions. `save` writes the snapshot and the pulled events
 * (to the outbox) in one transaction, checking the aggregate version for optimistic locking: two
 * reports about one run must not overwrite each other.
 */
export abstract class WorkflowRunRepository {
  abstract findById(runId: string): Promise<WorkflowRun | undefined>;
  /** Runs of a workflow in queued, running or paused state, oldest first: the concurrency policy's input. */
  abstract findActive(workflowId: string): Promise<ActiveRun[]>;
  /** Workflows with runs waiting in state queued for a concurrency slot. */
  abstract workflowsWithQueuedRuns(): Promise<string[]>;
  /** The run a start request with this key made, so a repeated request finds it instead of starting another. */
  abstract findIdByIdempotencyKey(workflowId: string, key: string): Promise<string | undefined>;
  /**
   * `idempotencyKey` is stored with a new run, unique per workflow: of two concurrent starts with one
   * key, the second save fails with IdempotencyKeyTaken.
   */
  abstract save(run: WorkflowRun, idempotencyKey?: string): Promise<void>;
}
