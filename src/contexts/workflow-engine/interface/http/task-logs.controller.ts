import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@contexts/user-management';
import { ReadTaskLogsHandler } from '../../application/read-task-logs/read-task-logs.handler.js';
import type { Page } from '../../application/ports/run-queries.js';
import type { TaskLogLine } from '../../application/ports/task-logs.js';
import { RunProjects } from '../../infrastructure/persistence/resource-projects.js';
import { TaskLogQuery } from './dto/task-log.query.js';

@ApiTags('workflow-engine')
@Controller()
export class TaskLogsController {
  constructor(private readonly reading: ReadTaskLogsHandler) {}

  @Get('workflow-runs/:runId/tasks/:taskId/logs')
  @RequirePermission('workflow:read', { resource: { resolver: RunProjects, param: 'runId' } })
  @ApiOperation({ summary: 'Log lines of a task run (task id, or task[n] for a fan-out item), oldest first' })
  read(
    @Param('runId') runId: string,
    @Param('taskId') taskId: string,
    @Query() query: TaskLogQuery,
  ): Promise<Page<TaskLogLine>> {
    return this.reading.execute({ runId, key: taskId, ...query });
  }
}
