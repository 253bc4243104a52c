import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@contexts/user-management';
import type { ClaimExternalTaskCommand } from '../../application/claim-external-task/claim-external-task.command.js';
import { ClaimExternalTaskHandler } from '../../application/claim-external-task/claim-external-task.handler.js';
import type { ReportExternalTaskCommand } from '../../application/report-external-task/report-external-task.command.js';
import { ReportExternalTaskHandler } from '../../application/report-external-task/report-external-task.handler.js';
import { ExternalTaskProjects } from '../../infrastructure/persistence/resource-projects.js';
import {
  AppendTaskLogRequest,
  ClaimExternalTaskRequest,
  CompleteExternalTaskRequest,
  FailExternalTaskRequest,
  LeaseRequest,
} from './dto/external-task.requests.js';
import { ExternalTaskClaimResponse, LeaseResponse } from './dto/external-task.response.js';

const onExternalTask = { resource: { resolver: ExternalTaskProjects, param: 'taskRunId' } };
const DEFAULT_LEASE_SECONDS = 60;
const LEASE_LOST = 'The lease ran out or another worker took the task over: drop it';

/** The protocol of external workers: claim with a lease, heartbeat, then complete or fail under it. */
@ApiTags('workflow-engine')
@Controller()
export class ExternalTasksController {
  constructor(
    private readonly claiming: ClaimExternalTaskHandler,
    private readonly reporting: ReportExternalTaskHandler,
  ) {}

  @Post('projects/:projectId/external-tasks/claim')
  @HttpCode(200)
  @RequirePermission('workflow:run')
  @ApiOperation({ summary: 'Claim an external task of a queue with a lease, waiting up to waitSeconds; 204 when none' })
  @ApiOkResponse({ type: ExternalTaskClaimResponse, description: 'A task, leased to the caller' })
  @ApiNoContentResponse({ description: 'No task came within waitSeconds' })
  async claim(
    @Param('projectId') projectId: string,
    @Body() body: ClaimExternalTaskRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExternalTaskClaimResponse | undefined> {
    const waitMs = (body.waitSeconds ?? 0) * 1000;
    const leaseSeconds = body.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const command: ClaimExternalTaskCommand = {
      projectId,
      queue: body.queue,
      workerId: body.workerId,
      waitMs,
      leaseSeconds,
    };
    const claim = await this.claiming.execute(command);
    if (claim === undefined) {
      void reply.status(204);
      return undefined;
    }
    return ExternalTaskClaimResponse.of(claim);
  }

  @Post('external-tasks/:taskRunId/heartbeat')
  @HttpCode(200)
  @RequirePermission('workflow:run', onExternalTask)
  @ApiOperation({ summary: 'Extend a lease by its length; 409 when it already expired or was taken over' })
  @ApiOkResponse({ type: LeaseResponse })
  @ApiProblem(409, LEASE_LOST)
  async heartbeat(@Param('taskRunId') taskRunId: string, @Body() body: LeaseRequest): Promise<LeaseResponse> {
    const command: ReportExternalTaskCommand = {
      taskRunId,
      leaseToken: body.leaseToken,
      report: { kind: 'heartbeat' },
    };
    return LeaseResponse.of((await this.reporting.execute(command))!);
  }

  @Post('external-tasks/:taskRunId/logs')
  @HttpCode(204)
  @RequirePermission('workflow:run', onExternalTask)
  @ApiOperation({ summary: "Append lines to the leased attempt's log; 409 for a lost lease" })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblem(409, LEASE_LOST)
  async log(@Param('taskRunId') taskRunId: string, @Body() body: AppendTaskLogRequest): Promise<void> {
    const report = { kind: 'log' as const, lines: body.lines };
    await this.reporting.execute({ taskRunId, leaseToken: body.leaseToken, report });
  }

  @Post('external-tasks/:taskRunId/complete')
  @HttpCode(204)
  @RequirePermission('workflow:run', onExternalTask)
  @ApiOperation({ summary: 'Complete the leased attempt with its outputs; 409 for a lost lease' })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblem(409, LEASE_LOST)
  async complete(@Param('taskRunId') taskRunId: string, @Body() body: CompleteExternalTaskRequest): Promise<void> {
    const report = { kind: 'complete' as const, outputs: body.outputs ?? {} };
    await this.reporting.execute({ taskRunId, leaseToken: body.leaseToken, report });
  }

  @Post('external-tasks/:taskRunId/fail')
  @HttpCode(204)
  @RequirePermission('workflow:run', onExternalTask)
  @ApiOperation({ summary: 'Fail the leased attempt; the task retries as its policy says. 409 for a lost lease' })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblem(409, LEASE_LOST)
  async fail(@Param('taskRunId') taskRunId: string, @Body() body: FailExternalTaskRequest): Promise<void> {
    const report = { kind: 'fail' as const, error: body.error };
    await this.reporting.execute({ taskRunId, leaseToken: body.leaseToken, report });
  }
}
