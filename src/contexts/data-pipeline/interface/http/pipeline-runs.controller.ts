import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ValidationError } from '@libs/ddd';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CancelPipelineRunHandler } from '../../application/cancel-pipeline-run/cancel-pipeline-run.handler.js';
import { GetPipelineRunHandler } from '../../application/get-pipeline-run/get-pipeline-run.handler.js';
import { ListPipelineRunsHandler } from '../../application/list-pipeline-runs/list-pipeline-runs.handler.js';
import { ProjectOfPipeline, ProjectOfPipelineRun } from '../../application/ports/project-of-pipeline.js';
import { RetryPipelineRunHandler } from '../../application/retry-pipeline-run/retry-pipeline-run.handler.js';
import { StartPipelineRunHandler } from '../../application/start-pipeline-run/start-pipeline-run.handler.js';
import { StartPipelineRunRequest } from './dto/pipeline-run.request.js';
import { PipelineRunListResponse, PipelineRunResponse } from './dto/pipeline-run.response.js';

const ofPipeline = { resource: { resolver: ProjectOfPipeline, param: 'pipelineId' } };
const ofRun = { resource: { resolver: ProjectOfPipelineRun, param: 'runId' } };
const MAX_LISTED = 200;

@ApiTags('data-pipeline')
@Controller()
export class PipelineRunsController {
  constructor(
    private readonly starting: StartPipelineRunHandler,
    private readonly reading: GetPipelineRunHandler,
    private readonly listing: ListPipelineRunsHandler,
    private readonly cancelling: CancelPipelineRunHandler,
    private readonly retrying: RetryPipelineRunHandler,
  ) {}

  @Post('pipelines/:pipelineId/runs')
  @RequirePermission('pipeline:run', ofPipeline)
  @ApiOperation({ summary: 'Queue a run of the pipeline; a repeated Idempotency-Key answers the first run with 200' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 200 visible ASCII characters' })
  @ApiCreatedResponse({ type: PipelineRunResponse, description: 'The run queued' })
  @ApiOkResponse({
    type: PipelineRunResponse,
    description: 'The run an earlier request with this Idempotency-Key queued',
  })
  @ApiProblem(400, 'The Idempotency-Key or the version is malformed')
  @ApiProblem(404, 'No such pipeline or version visible to the caller')
  @ApiProblem(422, 'The Idempotency-Key queued a run of another version')
  async start(
    @Param('pipelineId', new ParseUUIDPipe()) pipelineId: string,
    @Body() body: StartPipelineRunRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineRunResponse> {
    const started = await this.starting.execute({
      pipelineId,
      version: body.version,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
      actorId: principal.userId,
    });
    if (!started.created) void reply.status(200);
    void reply.header('location', `/api/v1/pipeline-runs/${started.run.id}`);
    return PipelineRunResponse.of(started.run);
  }

  @Get('pipelines/:pipelineId/runs')
  @RequirePermission('dataset:read', ofPipeline)
  @ApiOperation({ summary: "The pipeline's runs, newest first" })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LISTED, default: 50 },
  })
  @ApiOkResponse({ type: PipelineRunListResponse })
  @ApiProblem(404, 'No such pipeline visible to the caller')
  async list(
    @Param('pipelineId', new ParseUUIDPipe()) pipelineId: string,
    @Query('limit') limit: string | undefined,
  ): Promise<PipelineRunListResponse> {
    return PipelineRunListResponse.of(await this.listing.execute({ pipelineId, limit: limitOf(limit) }));
  }

  @Get('pipeline-runs/:runId')
  @RequirePermission('dataset:read', ofRun)
  @ApiOperation({ summary: 'A pipeline run: its status, each step’s progress, its outputs, check run and error' })
  @ApiOkResponse({ type: PipelineRunResponse })
  @ApiProblem(404, 'No such run visible to the caller')
  async get(@Param('runId', new ParseUUIDPipe()) runId: string): Promise<PipelineRunResponse> {
    return PipelineRunResponse.of(await this.reading.execute({ runId }));
  }

  @Post('pipeline-runs/:runId/cancel')
  @HttpCode(200)
  @RequirePermission('pipeline:run', ofRun)
  @ApiOperation({ summary: 'Cancel a queued or running run; a running step finishes first, no later step starts' })
  @ApiOkResponse({ type: PipelineRunResponse })
  @ApiProblem(404, 'No such run visible to the caller')
  @ApiProblem(409, 'The run has ended')
  async cancel(
    @Param('runId', new ParseUUIDPipe()) runId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PipelineRunResponse> {
    return PipelineRunResponse.of(await this.cancelling.execute({ runId, actorId: principal.userId }));
  }

  @Post('pipeline-runs/:runId/retry')
  @HttpCode(200)
  @RequirePermission('pipeline:run', ofRun)
  @ApiOperation({ summary: 'Queue a failed or cancelled run again, as its next attempt, from its first step' })
  @ApiOkResponse({ type: PipelineRunResponse })
  @ApiProblem(404, 'No such run visible to the caller')
  @ApiProblem(409, 'The run is queued, running or succeeded')
  async retry(
    @Param('runId', new ParseUUIDPipe()) runId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PipelineRunResponse> {
    return PipelineRunResponse.of(await this.retrying.execute({ runId, actorId: principal.userId }));
  }
}

/** Idempotency keys are opaque client strings, bounded so they stay cheap to index. */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || /^[\x21-\x7e]{1,200}$/.test(header)) return header;
  throw new ValidationError('Idempotency-Key must be 1 to 200 visible ASCII characters', [
    { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
  ]);
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return 50;
  const limit = Number(value);
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_LISTED) return limit;
  throw new ValidationError('The limit is invalid', [
    { field: 'limit', message: `must be an integer from 1 to ${MAX_LISTED}` },
  ]);
}
