import { Injectable } from '@nestjs/common';
import { expireApproval } from '../../domain/run/approval-decision.js';
import { ApprovalRequests } from '../ports/approval-requests.js';
import { RunChanges } from '../services/run-changes.js';
import type { ApprovalsExpired, ExpireApprovalsCommand } from './expire-approvals.command.js';

const BATCH = 100;

/** Fails the approvals nobody decided on before their deadline; answers how many it failed. */
@Injectable()
export class ExpireApprovalsHandler {
  constructor(
    private readonly requests: ApprovalRequests,
    private readonly changes: RunChanges,
  ) {}

  async execute(_command: ExpireApprovalsCommand): Promise<ApprovalsExpired> {
    let expired = 0;
    for (;;) {
      const due = await this.requests.pastDeadline(BATCH);
      for (const attempt of due) {
        const failed = await this.changes.apply(attempt.runId, async (run, now) => {
          const dispatches = expireApproval(run, attempt.key, attempt.attempt, now, Math.random());
          // Closed either way: a request whose task moved on without a decision (a cancelled run) has nothing to expire.
          await this.requests.close(attempt, { status: dispatches === undefined ? 'cancelled' : 'expired' });
          return { dispatches: dispatches ?? [], value: dispatches !== undefined, unchanged: dispatches === undefined };
        });
        if (failed) expired += 1;
      }
      if (due.length < BATCH) return expired;
    }
  }
}
