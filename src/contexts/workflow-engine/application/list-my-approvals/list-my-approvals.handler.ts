import { Injectable } from '@nestjs/common';
import { ApprovalQueries } from '../ports/approval-queries.js';
import { ApproverProjects } from '../ports/approver-projects.js';
import type { ApprovalSummary, ListMyApprovalsQuery, Page } from './list-my-approvals.query.js';

/**
 * The requests a user may decide (ADR 0205): in the projects where they hold workflow:approve, those
 * naming no approvers or naming them.
 */
@Injectable()
export class ListMyApprovalsHandler {
  constructor(
    private readonly approvals: ApprovalQueries,
    private readonly projects: ApproverProjects,
  ) {}

  async execute({ userId, onlyProject, ...filter }: ListMyApprovalsQuery): Promise<Page<ApprovalSummary>> {
    const granted = await this.projects.of(userId);
    const projectIds = onlyProject === undefined ? granted : granted.filter((id) => id === onlyProject);
    if (projectIds.length === 0) return { items: [], nextCursor: null };
    return this.approvals.list({ projectIds, decidableBy: userId, ...filter });
  }
}
