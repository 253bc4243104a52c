import { Injectable } from '@nestjs/common';
import { TaskLogs } from '../ports/task-logs.js';
import type { Page, ReadTaskLogsQuery, TaskLogLine } from './read-task-logs.query.js';

/** A page of a task run's log lines, oldest first, optionally of one attempt. */
@Injectable()
export class ReadTaskLogsHandler {
  constructor(private readonly logs: TaskLogs) {}

  execute(query: ReadTaskLogsQuery): Promise<Page<TaskLogLine>> {
    return this.logs.page(query);
  }
}
