import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetCheckRunReportHandler } from '../../application/get-check-run-report/get-check-run-report.handler.js';
import { GetCheckRunHandler } from '../../application/get-check-run/get-check-run.handler.js';
import { ListCheckRunsHandler } from '../../application/list-check-runs/list-check-runs.handler.js';
import { ProjectOfCheckRun } from '../../application/ports/project-of-check-run.js';
import { ProjectOfDatasetVersion } from '../../application/ports/project-of-dataset.js';
import { RunCheckSuiteHandler } from '../../application/run-check-suite/run-check-suite.handler.js';
import { REPORT_CONTENT_SECURITY_POLICY, renderCheckRunReport } from './check-run-report.html.js';
import { RunCheckSuiteRequest } from './dto/check-run.request.js';
import { CheckRunListResponse, CheckRunResponse } from './dto/check-run.response.js';

const ofVersion = { resource: { resolver: ProjectOfDatasetVersion, param: 'versionId' } };
const ofCheckRun = { resource: { resolver: ProjectOfCheckRun, param: 'checkRunId' } };

@ApiTags('data-pipeline')
@Controller()
export class CheckRunsController {
  constructor(
    private readonly running: RunCheckSuiteHandler,
    private readonly reading: GetCheckRunHandler,
    private readonly listing: ListCheckRunsHandler,
    private readonly reporting: GetCheckRunReportHandler,
  ) {}

  @Post('dataset-versions/:versionId/check-runs')
  @RequirePermission('dataset:write', ofVersion)
  @ApiOperation({
    summary: 'Run a check suite against the version, now, and store its results with the keys of failing rows',
  })
  @ApiCreatedResponse({ type: CheckRunResponse })
  @ApiProblem(400, 'The suite is invalid (the field named, as checks[i].field)')
  @ApiProblem(404, 'No such version visible to the caller')
  async run(
    @Param('versionId', new ParseUUIDPipe()) versionId: string,
    @Body() body: RunCheckSuiteRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CheckRunResponse> {
    const suite = { checks: body.checks, failingKeyLimit: body.failingKeyLimit };
    return CheckRunResponse.of(await this.running.execute({ versionId, suite, actorId: principal.userId }));
  }

  @Get('dataset-versions/:versionId/check-runs')
  @RequirePermission('dataset:read', ofVersion)
  @ApiOperation({ summary: "The version's check runs, newest first" })
  @ApiOkResponse({ type: CheckRunListResponse })
  @ApiProblem(404, 'No such version visible to the caller')
  async list(@Param('versionId', new ParseUUIDPipe()) versionId: string): Promise<CheckRunListResponse> {
    return CheckRunListResponse.of(await this.listing.execute({ versionId }));
  }

  @Get('check-runs/:checkRunId')
  @RequirePermission('dataset:read', ofCheckRun)
  @ApiOperation({ summary: 'A check run: each result with its observed value, threshold, status and failing keys' })
  @ApiOkResponse({ type: CheckRunResponse })
  @ApiProblem(404, 'No such check run visible to the caller')
  async get(@Param('checkRunId', new ParseUUIDPipe()) checkRunId: string): Promise<CheckRunResponse> {
    return CheckRunResponse.of(await this.reading.execute({ checkRunId }));
  }

  @Get('check-runs/:checkRunId/report.html')
  @RequirePermission('dataset:read', ofCheckRun)
  @ApiOperation({
    summary: "A check run as a human-readable page: each check, its verdict and failing keys, the version's profile",
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The report', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblem(404, 'No such check run visible to the caller')
  async report(
    @Param('checkRunId', new ParseUUIDPipe()) checkRunId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = renderCheckRunReport(await this.reporting.execute({ checkRunId }));
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY);
    return page;
  }
}
