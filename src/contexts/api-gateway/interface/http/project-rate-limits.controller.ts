import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetProjectRateLimitsHandler } from '../../application/get-project-rate-limits/get-project-rate-limits.handler.js';
import { SetProjectRateLimitsHandler } from '../../application/set-project-rate-limits/set-project-rate-limits.handler.js';
import { SetProjectRateLimitsRequest } from './dto/project-rate-limits.request.js';
import { ProjectRateLimitsResponse } from './dto/project-rate-limits.response.js';

/** A project's own rate limits, on top of the configured defaults (ADR 0701). */
@ApiTags('api-gateway')
@Controller('projects/:projectId/rate-limits')
export class ProjectRateLimitsController {
  constructor(
    private readonly getting: GetProjectRateLimitsHandler,
    private readonly setting: SetProjectRateLimitsHandler,
  ) {}

  @Get()
  @RequirePermission('project:read')
  @ApiOperation({ summary: "The project's rate limits, the defaults, and what its requests are held to" })
  @ApiOkResponse({ type: ProjectRateLimitsResponse })
  async get(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<ProjectRateLimitsResponse> {
    return ProjectRateLimitsResponse.of(await this.getting.execute({ projectId }));
  }

  @Put()
  @RequirePermission('project:admin')
  @ApiOperation({ summary: "Replace the project's own rate limits; they hold in every process from the next request" })
  @ApiOkResponse({ type: ProjectRateLimitsResponse })
  @ApiProblem(400, 'A bad scope, limit or window, or a scope given twice')
  async put(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: SetProjectRateLimitsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectRateLimitsResponse> {
    await this.setting.execute({ projectId, limits: body.limits, actorId: principal.userId });
    return ProjectRateLimitsResponse.of(await this.getting.execute({ projectId }));
  }
}
