import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@libs/platform';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../../../application/ports/approval-queries.js';

/** A page of a project's approval requests; every status when `status` is absent. */
export class ApprovalPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPROVAL_STATUSES })
  @IsOptional()
  @IsIn(APPROVAL_STATUSES)
  status?: ApprovalStatus;
}

/** A page of the caller's inbox: the requests waiting for them unless another status is asked. */
export class ApprovalInboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPROVAL_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(APPROVAL_STATUSES)
  status?: ApprovalStatus;
}
