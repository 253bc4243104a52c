import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import type { FastifyRequest } from 'fastify';
import { CreateProjectHandler } from '../../application/create-project/create-project.handler.js';
import { GetProjectHandler } from '../../application/get-project/get-project.handler.js';
import { ListProjectsHandler } from '../../application/list-projects/list-projects.handler.js';
import { SetProjectMemberHandler } from '../../application/set-project-member/set-project-member.handler.js';
import { CurrentPrincipal, type Principal } from '../../contracts/principal.js';
import { RequirePermission } from '../../contracts/require-permission.decorator.js';
import { clientIp } from './client.js';
import {
  CreateProjectRequest,
  ProjectDetailResponse,
  ProjectPageResponse,
  ProjectResponse,
  SetMemberRequest,
} from './dto/project.dto.js';

@ApiTags('user-management')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly create: CreateProjectHandler,
    private readonly listing: ListProjectsHandler,
    private readonly reading: GetProjectHandler,
    private readonly members: SetProjectMemberHandler,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a project; I become its owner' })
  @ApiCreatedResponse({ type: ProjectResponse })
  async createProject(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateProjectRequest,
    @Req() request: FastifyRequest,
  ): Promise<ProjectResponse> {
    const project = await this.create.execute({ actorId: principal.userId, name: body.name, ip: clientIp(request) });
    return ProjectResponse.of({ id: project.id, name: project.name, createdAt: project.createdAt, role: 'owner' });
  }

  @Get()
  @ApiOperation({ summary: 'Projects I am a member of (all of them for an admin)' })
  @ApiOkResponse({ type: ProjectPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<ProjectPageResponse> {
    return ProjectPageResponse.of(await this.listing.execute({ principal, limit: query.limit, cursor: query.cursor }));
  }

  @Get(':projectId')
  @RequirePermission('project:read')
  @ApiOperation({ summary: 'A project with its members' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
  ): Promise<ProjectDetailResponse> {
    return ProjectDetailResponse.detail(await this.reading.execute({ projectId }), principal.userId);
  }

  @Put(':projectId/members/:userId')
  @RequirePermission('project:admin')
  @ApiOperation({ summary: "Grant or change a member's role" })
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiProblem(409, 'The last owner cannot become anything else')
  async setMember(
    @CurrentPrincipal() principal: Principal,
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: SetMemberRequest,
    @Req() request: FastifyRequest,
  ): Promise<ProjectDetailResponse> {
    const project = await this.members.execute({
      actorId: principal.userId,
      projectId,
      userId,
      role: body.role,
      ip: clientIp(request),
    });
    return ProjectDetailResponse.detail(project, principal.userId);
  }

  @Delete(':projectId/members/:userId')
  @RequirePermission('project:admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblem(409, 'The last owner cannot leave')
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.members.execute({ actorId: principal.userId, projectId, userId, role: null, ip: clientIp(request) });
  }
}
