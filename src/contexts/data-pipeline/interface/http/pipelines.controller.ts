import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreatePipelineHandler } from '../../application/create-pipeline/create-pipeline.handler.js';
import { GetPipelineVersionHandler } from '../../application/get-pipeline-version/get-pipeline-version.handler.js';
import { GetPipelineHandler } from '../../application/get-pipeline/get-pipeline.handler.js';
import { ListPipelinesHandler } from '../../application/list-pipelines/list-pipelines.handler.js';
import { ProjectOfPipeline } from '../../application/ports/project-of-pipeline.js';
import { RevisePipelineHandler } from '../../application/revise-pipeline/revise-pipeline.handler.js';
import { CreatePipelineRequest, DefinePipelineRequest } from './dto/pipeline.request.js';
import { PipelineListResponse, PipelineResponse, PipelineVersionResponse } from './dto/pipeline.response.js';

const ofPipeline = { resource: { resolver: ProjectOfPipeline, param: 'pipelineId' } };

/** Pipelines are data of the project: defining one needs dataset:write, reading one dataset:read. */
@ApiTags('data-pipeline')
@Controller()
export class PipelinesController {
  constructor(
    private readonly creating: CreatePipelineHandler,
    private readonly revising: RevisePipelineHandler,
    private readonly reading: GetPipelineHandler,
    private readonly listing: ListPipelinesHandler,
    private readonly readingVersion: GetPipelineVersionHandler,
  ) {}

  @Post('projects/:projectId/pipelines')
  @RequirePermission('dataset:write')
  @ApiOperation({ summary: 'Define a pipeline in the project: its steps become version 1' })
  @ApiCreatedResponse({ type: PipelineResponse })
  @ApiProblem(400, 'The definition is malformed (each problem named by its path, as steps[i].field)')
  @ApiProblem(409, 'The project has a pipeline of that name')
  @ApiProblem(
    422,
    'The definition does not fit the project: an unknown dataset, version or column, an unsafe expression',
  )
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreatePipelineRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PipelineResponse> {
    const created = await this.creating.execute({
      projectId,
      name: body.name,
      description: body.description,
      definition: body.definition,
      actorId: principal.userId,
    });
    return PipelineResponse.ofVersion(created);
  }

  @Get('projects/:projectId/pipelines')
  @RequirePermission('dataset:read')
  @ApiOperation({ summary: "The project's pipelines, by name" })
  @ApiOkResponse({ type: PipelineListResponse })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<PipelineListResponse> {
    return PipelineListResponse.of(await this.listing.execute({ projectId }));
  }

  @Get('pipelines/:pipelineId')
  @RequirePermission('dataset:read', ofPipeline)
  @ApiOperation({ summary: 'A pipeline with its latest version' })
  @ApiOkResponse({ type: PipelineResponse })
  @ApiProblem(404, 'No such pipeline visible to the caller')
  async get(@Param('pipelineId', new ParseUUIDPipe()) pipelineId: string): Promise<PipelineResponse> {
    return PipelineResponse.ofVersion(await this.reading.execute({ pipelineId }));
  }

  @Put('pipelines/:pipelineId')
  @RequirePermission('dataset:write', ofPipeline)
  @ApiOperation({
    summary: "Store a new definition as the pipeline's next version; earlier versions stay as they were",
  })
  @ApiOkResponse({ type: PipelineResponse })
  @ApiProblem(400, 'The definition is malformed (each problem named by its path, as steps[i].field)')
  @ApiProblem(404, 'No such pipeline visible to the caller')
  @ApiProblem(409, 'Another revision took the next version number first')
  @ApiProblem(
    422,
    'The definition does not fit the project: an unknown dataset, version or column, an unsafe expression',
  )
  async revise(
    @Param('pipelineId', new ParseUUIDPipe()) pipelineId: string,
    @Body() body: DefinePipelineRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PipelineResponse> {
    const revised = await this.revising.execute({ pipelineId, definition: body.definition, actorId: principal.userId });
    return PipelineResponse.ofVersion(revised);
  }

  @Get('pipelines/:pipelineId/versions/:number')
  @RequirePermission('dataset:read', ofPipeline)
  @ApiOperation({ summary: 'One version of a pipeline: its definition as stored' })
  @ApiOkResponse({ type: PipelineVersionResponse })
  @ApiProblem(404, 'No such pipeline or version visible to the caller')
  async version(
    @Param('pipelineId', new ParseUUIDPipe()) pipelineId: string,
    @Param('number', new ParseIntPipe()) number: number,
  ): Promise<PipelineVersionResponse> {
    return PipelineVersionResponse.of(await this.readingVersion.execute({ pipelineId, number }));
  }
}
