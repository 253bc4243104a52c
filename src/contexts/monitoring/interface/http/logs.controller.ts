import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@contexts/user-management';
import { SearchLogsHandler } from '../../application/search-logs/search-logs.handler.js';
import { LogPageResponse } from './dto/log-line.response.js';
import { LogSearchQuery } from './dto/log-search.query.js';

/** Search of a project's run logs: task attempts, pipeline runs and batch predictions (docs/adr/0605). */
@ApiTags('monitoring')
@Controller()
export class LogsController {
  constructor(private readonly searching: SearchLogsHandler) {}

  @Get('projects/:projectId/logs')
  @RequirePermission('monitoring:read')
  @ApiOperation({
    summary: "The project's run log lines, newest first, by run, task, level, words and time",
  })
  @ApiOkResponse({ type: LogPageResponse })
  async search(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: LogSearchQuery,
  ): Promise<LogPageResponse> {
    const page = await this.searching.execute({
      projectId,
      runId: query.runId,
      taskId: query.taskId,
      level: query.level,
      text: query.q,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      limit: query.limit,
      cursor: query.cursor,
    });
    return LogPageResponse.of(page);
  }
}
