import type { TaskLogFilter } from '../ports/task-logs.js';

export type { Page } from '../ports/run-queries.js';
export type { TaskLogLine } from '../ports/task-logs.js';

/** A page of a task run's log lines, oldest first, optionally of one attempt. */
export type ReadTaskLogsQuery = TaskLogFilter;
