import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { DecideApprovalHandler } from '../../application/decide-approval/decide-approval.handler.js';
import { GetRunHandler } from '../../application/get-run/get-run.handler.js';
import { RunProjects } from '../../infrastructure/persistence/resource-projects.js';
import { ApprovalDecisionRequest } from './dto/approval-decision.request.js';
import { RunResponse } from './dto/run.response.js';

@ApiTags('workflow-engine')
@Controller()
export class ApprovalsController {
  constructor(
    private readonly deciding: DecideApprovalHandler,
    private readonly reading: GetRunHandler,
  ) {}

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
