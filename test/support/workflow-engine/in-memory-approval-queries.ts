import {
  ApprovalQueries,
  type ApprovalFilter,
  type ApprovalSummary,
} from '../../../src/contexts/workflow-engine/application/ports/approval-queries.js';
import { ApproverProjects } from '../../../src/contexts/workflow-engine/application/ports/approver-projects.js';
import type { Page } from '../../../src/contexts/workflow-engine/application/ports/run-queries.js';

/** Approval requests a spec lists in `requests`, filtered and paged as the SQL adapter does. */
export class InMemoryApprovalQueries extends ApprovalQueries {
  requests: ApprovalSummary[] = [];

  list({ projectIds, status, decidableBy, limit, cursor }: ApprovalFilter): Promise<Page<ApprovalSummary>> {
    const mayDecide = (request: ApprovalSummary) =>
      decidableBy === undefined || request.approvers.length === 0 || request.approvers.includes(decidableBy);
    const matching = this.requests
      .filter(
        (request) => projectIds.includes(request.projectId) && (status === undefined || request.status === status),
      )
      .filter((request) => mayDecide(request) && (cursor === undefined || request.id < cursor))
      .sort((a, b) => b.id.localeCompare(a.id));
    const items = matching.slice(0, limit);
    return Promise.resolve({ items, nextCursor: matching.length > limit ? items[items.length - 1].id : null });
  }
}

/** The projects each user holds workflow:approve in, as a spec sets them in `byUser`. */
export class FixedApproverProjects extends ApproverProjects {
  readonly byUser = new Map<string, string[]>();

  of(userId: string): Promise<string[]> {
    return Promise.resolve(this.byUser.get(userId) ?? []);
  }
}
