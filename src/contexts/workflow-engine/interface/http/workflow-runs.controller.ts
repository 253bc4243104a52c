import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import type { BackfillWorkflowCommand } from '../../application/backfill-workflow/backfill-workflow.command.js';
import { BackfillWorkflowHandler } from '../../application/backfill-workflow/backfill-workflow.handler.js';
import type { RunControl } from '../../application/control-run/control-run.command.js';
import { ControlRunHandler } from '../../application/control-run/control-run.handler.js';
import { GetRunHandler } from '../../application/get-run/get-run.handler.js';
import { ListRunsHandler } from '../../application/list-runs/list-runs.handler.js';
import { RerunRunHandler } from '../../application/rerun-run/rerun-run.handler.js';
import { RetryTaskHandler } from '../../application/retry-task/retry-task.handler.js';
import type { StartRunCommand } from '../../application/start-run/start-run.command.js';
import { StartRunHandler } from '../../application/start-run/start-run.handler.js';
import { RunProjects, WorkflowProjects } from '../../application/ports/resource-projects.js';
import { BackfillRequest } from './dto/backfill.request.js';
import { BackfillResponse } from './dto/backfill.response.js';
import { RunPageResponse } from './dto/run-summary.response.js';
import { CancelRunRequest, RerunRequest, RunPageQuery, RunParamsRequest } from './dto/requests.js';
import { RunResponse } from './dto/run.response.js';
import { idempotencyKeyOf } from './http-preconditions.js';

const onWorkflow = { resource: { resolver: WorkflowProjects } };
const onRun = { resource: { resolver: RunProjects, param: 'runId' } };

@ApiTags('workflow-engine')
@Controller()
export class WorkflowRunsController {
  constructor(
    private readonly starting: StartRunHandler,
    private readonly reading: GetRunHandler,
    private readonly listing: ListRunsHandler,
    private readonly controlling: ControlRunHandler,
    private readonly retrying: RetryTaskHandler,
    private readonly rerunning: RerunRunHandler,
    private readonly backfilling: BackfillWorkflowHandler,
  ) {}

  @Post('workflows/:id/runs')
  @RequirePermission('workflow:run', onWorkflow)
  @ApiOperation({ summary: 'Start a run; a repeated Idempotency-Key answers the first run with 200' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 200 visible ASCII characters' })
  @ApiCreatedResponse({
    type: RunResponse,
    description: 'The run started',
    headers: { Location: { description: 'The URL of the run', schema: { type: 'string' } } },
  })
  @ApiOkResponse({ type: RunResponse, description: 'The run an earlier request with this Idempotency-Key started' })
  @ApiProblem(409, 'The concurrency policy skips the run')
  @ApiProblem(422, 'The Idempotency-Key started a run with other params or another version')
  async start(
    @Param('id') id: string,
    @Body() body: RunParamsRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RunResponse> {
    const key = idempotencyKeyOf(idempotencyKey);
    const command: StartRunCommand = {
      workflowId: id,
      params: body.params ?? {},
      version: body.version,
      idempotencyKey: key,
      actorId: principal.userId,
    };
    const started = await this.starting.execute(command);
    if (!started.created) void reply.status(200);
    void reply.header('location', `/api/v1/workflow-runs/${started.runId}`);
    return RunResponse.of(await this.reading.execute({ runId: started.runId }));
  }

  @Post('workflows/:id/backfill')
  @RequirePermission('workflow:run', onWorkflow)
  @ApiOperation({
    summary: "Start one run per slot of the workflow's schedule from `from` to `to` (both included, at most 500)",
    description: 'Slots the scheduler or an earlier backfill already ran answer their run (`created: false`).',
  })
  @ApiCreatedResponse({ type: BackfillResponse })
  @ApiProblem(409, 'The workflow has no schedule')
  async backfill(
    @Param('id') id: string,
    @Body() body: BackfillRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BackfillResponse> {
    const command: BackfillWorkflowCommand = {
      workflowId: id,
      from: new Date(body.from),
      to: new Date(body.to),
      actorId: principal.userId,
    };
    return BackfillResponse.of(await this.backfilling.execute(command));
  }

  @Get('workflows/:id/runs')
  @RequirePermission('workflow:read', onWorkflow)
  @ApiOperation({ summary: 'Runs of a workflow, newest first, optionally in one state and a creation time window' })
  @ApiOkResponse({ type: RunPageResponse })
  async list(@Param('id') id: string, @Query() query: RunPageQuery): Promise<RunPageResponse> {
    const { limit, status, cursor, createdFrom, createdUntil } = query;
    const page = await this.listing.execute({
      workflowId: id,
      limit,
      ...(status !== undefined && { state: status }),
      ...(cursor !== undefined && { cursor }),
      ...(createdFrom !== undefined && { createdFrom: new Date(createdFrom) }),
      ...(createdUntil !== undefined && { createdUntil: new Date(createdUntil) }),
    });
    return RunPageResponse.of(page);
  }

  @Get('workflow-runs/:runId')
  @RequirePermission('workflow:read', onRun)
  @ApiOperation({ summary: 'A run with its task runs: states, attempts, times, outputs and errors' })
  @ApiOkResponse({ type: RunResponse })
  async get(@Param('runId') runId: string): Promise<RunResponse> {
    return RunResponse.of(await this.reading.execute({ runId }));
  }

  @Post('workflow-runs/:runId/cancel')
  @HttpCode(200)
  @RequirePermission('workflow:run', onRun)
  @ApiOperation({ summary: 'Cancel a run; its task runs that have not finished are cancelled' })
  @ApiOkResponse({ type: RunResponse })
  @ApiProblem(409, 'The run or task is not in a state that allows this')
  cancel(@Param('runId') runId: string, @Body() body: CancelRunRequest): Promise<RunResponse> {
    return this.control(runId, 'cancel', body.reason);
  }

  @Post('workflow-runs/:runId/pause')
  @HttpCode(200)
  @RequirePermission('workflow:run', onRun)
  @ApiOperation({ summary: 'Hold a run: running tasks finish, nothing new starts' })
  @ApiOkResponse({ type: RunResponse })
  @ApiProblem(409, 'The run or task is not in a state that allows this')
  pause(@Param('runId') runId: string): Promise<RunResponse> {
    return this.control(runId, 'pause');
  }

  @Post('workflow-runs/:runId/resume')
  @HttpCode(200)
  @RequirePermission('workflow:run', onRun)
  @ApiOperation({ summary: 'Let a paused run go on' })
  @ApiOkResponse({ type: RunResponse })
  @ApiProblem(409, 'The run or task is not in a state that allows this')
  resume(@Param('runId') runId: string): Promise<RunResponse> {
    return this.control(runId, 'resume');
  }

  @Post('workflow-runs/:runId/tasks/:taskId/retry')
  @HttpCode(200)
  @RequirePermission('workflow:run', onRun)
  @ApiOperation({ summary: 'Retry a failed task run (a task id, or task[n] for a fan-out item)' })
  @ApiOkResponse({ type: RunResponse })
  @ApiProblem(409, 'The run or task is not in a state that allows this')
  async retry(@Param('runId') runId: string, @Param('taskId') taskId: string): Promise<RunResponse> {
    await this.retrying.execute({ runId, key: taskId });
    return RunResponse.of(await this.reading.execute({ runId }));
  }

  @Post('workflow-runs/:runId/rerun')
  @RequirePermission('workflow:run', onRun)
  @ApiOperation({ summary: 'Run a finished run again as a new run, optionally from one task on' })
  @ApiCreatedResponse({ type: RunResponse, description: 'The new run' })
  @ApiProblem(409, 'The run has not finished, or cannot run again from that task')
  async rerun(
    @Param('runId') runId: string,
    @Body() body: RerunRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RunResponse> {
    const rerunId = await this.rerunning.execute({ runId, fromTask: body.fromTask, actorId: principal.userId });
    return RunResponse.of(await this.reading.execute({ runId: rerunId }));
  }

  private async control(runId: string, action: RunControl, reason?: string): Promise<RunResponse> {
    await this.controlling.execute({ runId, action, reason });
    return RunResponse.of(await this.reading.execute({ runId }));
  }
}
