import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_STATUSES,
  type ApprovalStatus,
  type ApprovalSummary,
} from '../../../application/ports/approval-queries.js';
import type { Page } from '../../../application/ports/run-queries.js';
import { NEXT_CURSOR } from './next-cursor.js';

export class ApprovalDecisionResponse {
  @ApiProperty({ format: 'uuid', description: 'The user who decided' }) readonly by!: string;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiPropertyOptional() readonly comment?: string;
}

export class ApprovalResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly projectId!: string;
  @ApiProperty({ format: 'uuid' }) readonly runId!: string;
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty() readonly workflowName!: string;
  @ApiProperty({ description: 'The task run key: decide it at /workflow-runs/{runId}/tasks/{taskKey}/approval' })
  readonly taskKey!: string;
  @ApiProperty({ type: 'integer' }) readonly attempt!: number;
  @ApiProperty({ enum: APPROVAL_STATUSES }) readonly status!: ApprovalStatus;
  @ApiPropertyOptional() readonly message?: string;
  @ApiProperty({ type: [String], description: 'User ids named by the task; empty: anyone with workflow:approve' })
  readonly approvers!: readonly string[];
  @ApiProperty({ format: 'date-time' }) readonly requestedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The deadline, when the task sets one' })
  readonly expiresAt?: string;
  @ApiPropertyOptional({ type: ApprovalDecisionResponse, description: 'Present once approved or rejected' })
  readonly decision?: ApprovalDecisionResponse;

  static of(approval: ApprovalSummary): ApprovalResponse {
    const { id, projectId, runId, workflowId, workflowName, taskKey, attempt, status, message, approvers } = approval;
    const { requestedAt, expiresAt, decision } = approval;
    return {
      id,
      projectId,
      runId,
      workflowId,
      workflowName,
      taskKey,
      attempt,
      status,
      ...(message !== undefined && { message }),
      approvers: [...approvers],
      requestedAt: requestedAt.toISOString(),
      ...(expiresAt !== undefined && { expiresAt: expiresAt.toISOString() }),
      ...(decision !== undefined && {
        decision: {
          by: decision.by,
          at: decision.at.toISOString(),
          ...(decision.comment !== undefined && { comment: decision.comment }),
        },
      }),
    };
  }
}

export class ApprovalPageResponse {
  @ApiProperty({ type: [ApprovalResponse] }) readonly items!: ApprovalResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;

  static of(page: Page<ApprovalSummary>): ApprovalPageResponse {
    return { items: page.items.map(ApprovalResponse.of), nextCursor: page.nextCursor };
  }
}
