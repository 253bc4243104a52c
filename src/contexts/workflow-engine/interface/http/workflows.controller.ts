import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import type { CreateWorkflowCommand } from '../../application/create-workflow/create-workflow.command.js';
import { CreateWorkflowHandler } from '../../application/create-workflow/create-workflow.handler.js';
import type { DefinitionBody } from '../../application/services/definition-body.js';
import { GetWorkflowHandler } from '../../application/get-workflow/get-workflow.handler.js';
import { GetWorkflowVersionHandler } from '../../application/get-workflow-version/get-workflow-version.handler.js';
import { ListWorkflowsHandler } from '../../application/list-workflows/list-workflows.handler.js';
import { PauseWorkflowHandler } from '../../application/pause-workflow/pause-workflow.handler.js';
import { PlanWorkflowHandler } from '../../application/plan-workflow/plan-workflow.handler.js';
import type { UpdateWorkflowCommand } from '../../application/update-workflow/update-workflow.command.js';
import { UpdateWorkflowHandler } from '../../application/update-workflow/update-workflow.handler.js';
import { toJsonValue } from '../../domain/json-value.js';
import { WorkflowProjects } from '../../infrastructure/persistence/resource-projects.js';
import { WorkflowPageResponse } from './dto/workflow-summary.response.js';
import { WorkflowPlanResponse } from './dto/workflow-plan.response.js';
import { RunParamsRequest } from './dto/requests.js';
import { WorkflowResponse, WorkflowVersionResponse } from './dto/workflow.response.js';
import { WORKFLOW_DEFINITION_EXAMPLE } from './openapi/workflow-definition.example.js';
import { WORKFLOW_DEFINITION_SCHEMA_REF } from './openapi/workflow-definition-schemas.js';
import { etagOf, versionFromIfMatch } from './http-preconditions.js';
import { isYaml, YAML_MEDIA_TYPES } from './yaml-body.parser.js';

const onWorkflow = { resource: { resolver: WorkflowProjects } };
const definitionBody = {
  schema: { $ref: WORKFLOW_DEFINITION_SCHEMA_REF },
  description: 'The definition, as JSON or YAML',
  examples: { training: { summary: 'Train, then register the model', value: WORKFLOW_DEFINITION_EXAMPLE } },
};
const etagHeader = { ETag: { description: 'The workflow version, for If-Match', schema: { type: 'string' } } };

@ApiTags('workflow-engine')
@Controller()
export class WorkflowsController {
  constructor(
    private readonly creating: CreateWorkflowHandler,
    private readonly updating: UpdateWorkflowHandler,
    private readonly reading: GetWorkflowHandler,
    private readonly readingVersion: GetWorkflowVersionHandler,
    private readonly listing: ListWorkflowsHandler,
    private readonly planning: PlanWorkflowHandler,
    private readonly pausing: PauseWorkflowHandler,
  ) {}

  @Post('projects/:projectId/workflows')
  @RequirePermission('workflow:write')
  @ApiOperation({ summary: 'Create a workflow from a definition (version 1); 400 lists every problem' })
  @ApiConsumes('application/json', ...YAML_MEDIA_TYPES)
  @ApiBody(definitionBody)
  @ApiCreatedResponse({ type: WorkflowResponse, headers: etagHeader })
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WorkflowResponse> {
    const command: CreateWorkflowCommand = {
      projectId,
      body: definitionOf(body, contentType),
      author: principal.userId,
    };
    const created = await this.creating.execute(command);
    return this.answer(created.workflowId, reply);
  }

  @Get('projects/:projectId/workflows')
  @RequirePermission('workflow:read')
  @ApiOperation({ summary: "The project's workflows, a page at a time" })
  @ApiOkResponse({ type: WorkflowPageResponse })
  async list(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: PageQuery,
  ): Promise<WorkflowPageResponse> {
    return WorkflowPageResponse.of(await this.listing.execute({ projectId, limit: query.limit, cursor: query.cursor }));
  }

  @Get('workflows/:id')
  @RequirePermission('workflow:read', onWorkflow)
  @ApiOperation({ summary: 'A workflow with its latest version; the ETag is its version' })
  @ApiOkResponse({ type: WorkflowResponse, headers: etagHeader })
  get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<WorkflowResponse> {
    return this.answer(id, reply);
  }

  @Put('workflows/:id')
  @RequirePermission('workflow:write', onWorkflow)
  @ApiOperation({ summary: 'Add version N+1; If-Match with the ETag read guards against lost updates (412)' })
  @ApiConsumes('application/json', ...YAML_MEDIA_TYPES)
  @ApiBody(definitionBody)
  @ApiOkResponse({ type: WorkflowResponse, headers: etagHeader })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read; 412 when the workflow moved on' })
  @ApiProblem(412, 'If-Match names an older version: read the workflow again')
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WorkflowResponse> {
    const definition = definitionOf(body, contentType);
    const command: UpdateWorkflowCommand = {
      workflowId: id,
      body: definition,
      expectedVersion: versionFromIfMatch(ifMatch, id),
      author: principal.userId,
    };
    await this.updating.execute(command);
    return this.answer(id, reply);
  }

  @Post('workflows/:id/pause')
  @HttpCode(200)
  @RequirePermission('workflow:write', onWorkflow)
  @ApiOperation({ summary: 'Pause the schedule and triggers; runs started by hand or by a backfill still run' })
  @ApiOkResponse({ type: WorkflowResponse, headers: etagHeader })
  pause(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<WorkflowResponse> {
    return this.setPaused(id, true, reply);
  }

  @Post('workflows/:id/unpause')
  @HttpCode(200)
  @RequirePermission('workflow:write', onWorkflow)
  @ApiOperation({ summary: "Resume the schedule and triggers; slots missed meanwhile follow the schedule's catch-up" })
  @ApiOkResponse({ type: WorkflowResponse, headers: etagHeader })
  unpause(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<WorkflowResponse> {
    return this.setPaused(id, false, reply);
  }

  @Get('workflows/:id/versions/:version')
  @RequirePermission('workflow:read', onWorkflow)
  @ApiOperation({ summary: 'One immutable version of a workflow' })
  @ApiOkResponse({ type: WorkflowVersionResponse })
  async version(
    @Param('id') id: string,
    @Param('version', new ParseIntPipe()) version: number,
  ): Promise<WorkflowVersionResponse> {
    return WorkflowVersionResponse.of(await this.readingVersion.execute({ workflowId: id, version }));
  }

  @Post('workflows/:id/plan')
  @HttpCode(200)
  @RequirePermission('workflow:read', onWorkflow)
  @ApiOperation({ summary: 'Check params and plan a run without starting it: layers and cache hits' })
  @ApiOkResponse({ type: WorkflowPlanResponse })
  async plan(@Param('id') id: string, @Body() body: RunParamsRequest): Promise<WorkflowPlanResponse> {
    const plan = await this.planning.execute({ workflowId: id, params: body.params ?? {}, version: body.version });
    return WorkflowPlanResponse.of(plan);
  }

  private async setPaused(id: string, paused: boolean, reply: FastifyReply): Promise<WorkflowResponse> {
    await this.pausing.execute({ workflowId: id, paused });
    return this.answer(id, reply);
  }

  private async answer(id: string, reply: FastifyReply): Promise<WorkflowResponse> {
    const definition = await this.reading.execute({ workflowId: id });
    void reply.header('etag', etagOf(definition.version));
    return WorkflowResponse.of(definition);
  }
}

function definitionOf(body: unknown, contentType: string | undefined): DefinitionBody {
  return isYaml(contentType) ? { yaml: String(body) } : { json: toJsonValue(body) };
}
