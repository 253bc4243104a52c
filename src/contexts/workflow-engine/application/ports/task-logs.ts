import type { Page } from './run-queries.js';
import type { TaskAttempt } from './task-queue.js';

export interface TaskLogLine {
  readonly seq: string;
  readonly attempt: number;
  readonly at: Date;
  readonly line: string;
}

export interface TaskLogFilter {
  readonly runId: string;
  readonly key: string;
  /** One attempt's lines; every attempt's when absent. */
  readonly attempt?: number;
  readonly limit: number;
  /** The `seq` of the last line of the previous page. */
  readonly cursor?: string;
}

/** Port: the log lines of task attempts, in the order they were written. */
export abstract class TaskLogs {
  abstract append(attempt: TaskAttempt, lines: readonly string[]): Promise<void>;
  abstract page(filter: TaskLogFilter): Promise<Page<TaskLogLine>>;
}
