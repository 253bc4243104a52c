import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { DecideApprovalHandler } from '../../application/decide-approval/decide-approval.handler.js';
import { GetRunHandler } from '../../application/get-run/get-run.handler.js';
import { ListMyApprovalsHandler } from '../../application/list-my-approvals/list-my-approvals.handler.js';
import { ListProjectApprovalsHandler } from '../../application/list-project-approvals/list-project-approvals.handler.js';
import { RunProjects } from '../../application/ports/resource-projects.js';
import { ApprovalDecisionRequest } from './dto/approval-decision.request.js';
import { ApprovalInboxQuery, ApprovalPageQuery } from './dto/approval-page.query.js';
import { ApprovalPageResponse } from './dto/approval.response.js';
import { RunResponse } from './dto/run.response.js';

@ApiTags('workflow-engine')
@Controller()
export class ApprovalsController {
  constructor(
    private readonly deciding: DecideApprovalHandler,
    private readonly reading: GetRunHandler,
    private readonly listingProject: ListProjectApprovalsHandler,
    private readonly listingMine: ListMyApprovalsHandler,
  ) {}

  @Get('projects/:projectId/approvals')
  @RequirePermission('workflow:read')
  @ApiOperation({ summary: "The project's approval requests, newest first, optionally in one status" })
  @ApiOkResponse({ type: ApprovalPageResponse })
  async listOfProject(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: ApprovalPageQuery,
  ): Promise<ApprovalPageResponse> {
    const { status, limit, cursor } = query;
    return ApprovalPageResponse.of(await this.listingProject.execute({ projectId, status, limit, cursor }));
  }

  @Get('me/approvals')
  @ApiOperation({
    summary: "The caller's approval inbox: requests across their projects that they may decide, newest first",
    description:
      'Projects where the caller holds workflow:approve by membership; requests naming approvers only when they name ' +
      "the caller. An API key sees its own project's, and only when it carries workflow:approve.",
  })
  @ApiOkResponse({ type: ApprovalPageResponse })
  async inbox(
    @Query() query: ApprovalInboxQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalPageResponse> {
    const { apiKey, userId } = principal;
    if (apiKey !== undefined && !apiKey.permissions.includes('workflow:approve')) {
      return ApprovalPageResponse.of({ items: [], nextCursor: null });
    }
    const { status = 'pending', limit, cursor } = query;
    const onlyProject = apiKey?.projectId;
    return ApprovalPageResponse.of(await this.listingMine.execute({ userId, onlyProject, status, limit, cursor }));
  }

  @Post('workflow-runs/:runId/tasks/:taskId/approval')
  @HttpCode(200)
  @RequirePermission('workflow:approve', { resource: { resolver: RunProjects, param: 'runId' } })
  @ApiOperation({ summary: 'Approve or reject an approval task waiting for a decision; 409 when none waits' })
  @ApiOkResponse({ type: RunResponse, description: 'The run after the decision' })
  @ApiProblem(403, 'Needs workflow:approve, and to be one of the approvers when the task names them')
  @ApiProblem(409, 'The task is not waiting for a decision')
  async decide(
    @Param('runId') runId: string,
    @Param('taskId') taskId: string,
    @Body() body: ApprovalDecisionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RunResponse> {
    const approve = body.decision === 'approve';
    await this.deciding.execute({ runId, key: taskId, approve, userId: principal.userId, comment: body.comment });
    return RunResponse.of(await this.reading.execute({ runId }));
  }
}
