import { Injectable } from '@nestjs/common';
import { ApprovalRequests } from '../../application/ports/approval-requests.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { isJsonObject } from '../../domain/json-value.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { attemptsWithoutRow } from '../persistence/attempt-rows.js';
import { TypeOrmRunTransaction } from '../persistence/typeorm-run-transaction.js';

/**
 * The queue of `approval` task runs: a request row per task run in PostgreSQL, which a person's
 * decision closes and the reconciler expires at its deadline. An older attempt never overwrites a newer.
 */
@Injectable()
export class ApprovalRequestQueue extends ApprovalRequests {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async open(dispatches: readonly TaskDispatch[]): Promise<void> {
    if (dispatches.length === 0) return;
    const rows = dispatches.map((dispatch) => ({
      run_id: dispatch.runId,
      task_run_key: dispatch.key,
      attempt: dispatch.attempt,
      deadline_seconds: deadlineSecondsOf(dispatch),
    }));
    await this.transaction.manager().query(
      `INSERT INTO workflow_engine.approval_requests (run_id, task_run_key, attempt, requested_at, deadline_at)
       SELECT run_id, task_run_key, attempt, now(), now() + make_interval(secs => deadline_seconds)
       FROM jsonb_to_recordset($1::jsonb)
         AS request (run_id uuid, task_run_key text, attempt integer, deadline_seconds integer)
       ON CONFLICT (run_id, task_run_key) DO UPDATE
       SET attempt = EXCLUDED.attempt, requested_at = EXCLUDED.requested_at, deadline_at = EXCLUDED.deadline_at
       WHERE approval_requests.attempt < EXCLUDED.attempt`,
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
       WHERE deadline_at <= now() ORDER BY deadline_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ runId: row.run_id, key: row.task_run_key, attempt: row.attempt }));
  }

  async close({ runId, key, attempt }: TaskAttempt): Promise<void> {
    await this.transaction
      .manager()
      .query('DELETE FROM workflow_engine.approval_requests WHERE run_id = $1 AND task_run_key = $2 AND attempt = $3', [
        runId,
        key,
        attempt,
      ]);
  }
}

function deadlineSecondsOf(dispatch: TaskDispatch): number | null {
  const seconds = isJsonObject(dispatch.input) ? dispatch.input.deadlineSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : null;
}
