import { Injectable } from '@nestjs/common';
import { decideApproval } from '../../domain/run/approval-decision.js';
import { ApprovalRequests } from '../ports/approval-requests.js';
import { RunChanges } from '../services/run-changes.js';
import type { DecideApprovalCommand } from './decide-approval.command.js';

/** Applies a decision under the run's lock and closes the request it answers, in one transaction. */
@Injectable()
export class DecideApprovalHandler {
  constructor(
    private readonly changes: RunChanges,
    private readonly requests: ApprovalRequests,
  ) {}

  execute({ runId, key, approve, userId, comment }: DecideApprovalCommand): Promise<void> {
    return this.changes.apply(runId, async (run, now) => {
      const attempt = run.findTaskRun(key)?.attempt ?? 0;
      const remark = comment === undefined ? {} : { comment };
      const dispatches = decideApproval(run, key, { approve, by: userId, ...remark }, now, Math.random());
      const status = approve ? 'approved' : 'rejected';
      await this.requests.close({ runId, key, attempt }, { status, by: userId, ...remark });
      return { dispatches, value: undefined };
    });
  }
}
