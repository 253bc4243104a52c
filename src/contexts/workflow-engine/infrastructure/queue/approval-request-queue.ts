import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { ApprovalRequests, type ApprovalOutcome } from '../../application/ports/approval-requests.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { isJsonObject } from '../../domain/json-value.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { attemptsWithoutRow } from '../persistence/attempt-rows.js';
import { TypeOrmRunTransaction } from '../persistence/typeorm-run-transaction.js';

/**
 * The queue of `approval` task runs: a request row per attempt in PostgreSQL, which a person's
 * decision closes and the reconciler expires at its deadline. Closed rows stay, with their outcome.
 */
@Injectable()
export class ApprovalRequestQueue extends ApprovalRequests {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async open(dispatches: readonly TaskDispatch[]): Promise<void> {
    if (dispatches.length === 0) return;
    const rows = dispatches.map((dispatch) => ({
      id: newId(),
      run_id: dispatch.runId,
      task_run_key: dispatch.key,
      attempt: dispatch.attempt,
      deadline_seconds: deadlineSecondsOf(dispatch),
    }));
    // One row per attempt: a repeated dispatch (the reconciler's) finds its row and leaves it be.
    await this.transaction.manager().query(
      `INSERT INTO workflow_engine.approval_requests (id, run_id, task_run_key, attempt, requested_at, deadline_at)
       SELECT id, run_id, task_run_key, attempt, now(), now() + make_interval(secs => deadline_seconds)
       FROM jsonb_to_recordset($1::jsonb)
         AS request (id uuid, run_id uuid, task_run_key text, attempt integer, deadline_seconds integer)
       ON CONFLICT (run_id, task_run_key, attempt) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /** The attempts that no request row stands for (at that attempt or a later one). */
  withoutRequest<T extends TaskAttempt>(attempts: readonly T[]): Promise<T[]> {
    return attemptsWithoutRow(this.transaction.manager(), 'workflow_engine.approval_requests', attempts);
  }

  async pastDeadline(limit: number): Promise<TaskAttempt[]> {
    const rows = await this.transaction.manager().query<{ run_id: string; task_run_key: string; attempt: number }[]>(
      `SELECT run_id, task_run_key, attempt FROM workflow_engine.approval_requests
       WHERE status = 'pending' AND deadline_at <= now() ORDER BY deadline_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ runId: row.run_id, key: row.task_run_key, attempt: row.attempt }));
  }

  async close({ runId, key, attempt }: TaskAttempt, outcome: ApprovalOutcome): Promise<void> {
    const decision = 'by' in outcome ? outcome : undefined;
    await this.transaction.manager().query(
      `UPDATE workflow_engine.approval_requests
          SET status = $4, decided_by = $5, comment = $6, decided_at = now()
        WHERE run_id = $1 AND task_run_key = $2 AND attempt = $3 AND status = 'pending'`,
      [runId, key, attempt, outcome.status, decision?.by ?? null, decision?.comment ?? null],
    );
  }
}

function deadlineSecondsOf(dispatch: TaskDispatch): number | null {
  const seconds = isJsonObject(dispatch.input) ? dispatch.input.deadlineSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : null;
}
