import type { RunState } from '../../domain/run/run-state.js';
import type { TaskRunState } from '../../domain/run/task-run-state.js';
import type { AttemptOnQueue, TaskAttempt } from './task-queue.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface RunSummary {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: number;
  readonly state: RunState;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface WorkflowSummary {
  readonly id: string;
  readonly name: string;
  readonly latestVersion: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A task run that should have a job: queued, retrying (with the time its retry is due) or running. */
export interface InFlightTaskRun extends AttemptOnQueue {
  readonly state: Extract<TaskRunState, 'queued' | 'waiting_for_approval' | 'retrying' | 'running'>;
  readonly retryAt?: Date;
}

/** Port: the read side of workflows and runs (lists, reconciliation), answered without loading aggregates. */
/** Which runs of a workflow a list shows: in one state, created in a time window, a page at a time. */
export interface RunFilter {
  readonly state?: RunState;
  /** Created at or after. */
  readonly createdFrom?: Date;
  /** Created before. */
  readonly createdUntil?: Date;
  readonly limit: number;
  readonly cursor?: string;
}

export abstract class RunQueries {
  abstract listWorkflows(projectId: string, limit: number, cursor?: string): Promise<Page<WorkflowSummary>>;
  abstract listRuns(workflowId: string, filter: RunFilter): Promise<Page<RunSummary>>;
  /** Task runs of unfinished runs that should be queued or running, in (run, key) order after `after`. */
  abstract inFlightTaskRuns(limit: number, after?: Pick<TaskAttempt, 'runId' | 'key'>): Promise<InFlightTaskRun[]>;
}
