import { Injectable } from '@nestjs/common';
import type { Page } from '../ports/run-queries.js';
import { TaskLogs, type TaskLogFilter, type TaskLogLine } from '../ports/task-logs.js';

/** A page of a task run's log lines, oldest first, optionally of one attempt. */
@Injectable()
export class ReadTaskLogsHandler {
  constructor(private readonly logs: TaskLogs) {}

  execute(filter: TaskLogFilter): Promise<Page<TaskLogLine>> {
    return this.logs.page(filter);
  }
}
