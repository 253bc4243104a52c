import { Injectable } from '@nestjs/common';
import { ApprovalQueries } from '../ports/approval-queries.js';
import type { ApprovalSummary, ListProjectApprovalsQuery, Page } from './list-project-approvals.query.js';

/** A project's approval requests, newest first, optionally in one status, a page at a time. */
@Injectable()
export class ListProjectApprovalsHandler {
  constructor(private readonly approvals: ApprovalQueries) {}

  execute({ projectId, ...filter }: ListProjectApprovalsQuery): Promise<Page<ApprovalSummary>> {
    return this.approvals.list({ projectIds: [projectId], ...filter });
  }
}
