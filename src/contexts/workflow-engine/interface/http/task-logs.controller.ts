import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@contexts/user-management';
import { ReadTaskLogsHandler } from '../../application/read-task-logs/read-task-logs.handler.js';
import { RunProjects } from '../../infrastructure/persistence/resource-projects.js';
import { TaskLogPageResponse } from './dto/task-log.response.js';
import { TaskLogQuery } from './dto/task-log.query.js';

@ApiTags('workflow-engine')
@Controller()
export class TaskLogsController {
  constructor(private readonly reading: ReadTaskLogsHandler) {}

  @Get('workflow-runs/:runId/tasks/:taskId/logs')
  @RequirePermission('workflow:read', { resource: { resolver: RunProjects, param: 'runId' } })
  @ApiOperation({ summary: 'Log lines of a task run (task id, or task[n] for a fan-out item), oldest first' })
  @ApiOkResponse({ type: TaskLogPageResponse })
  async read(
    @Param('runId') runId: string,
    @Param('taskId') taskId: string,
    @Query() query: TaskLogQuery,
  ): Promise<TaskLogPageResponse> {
    return TaskLogPageResponse.of(await this.reading.execute({ runId, key: taskId, ...query }));
  }
}
