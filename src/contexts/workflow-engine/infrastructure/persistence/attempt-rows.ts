import type { EntityManager } from 'typeorm';
import type { TaskAttempt } from '../../application/ports/task-queue.js';

/** Tables holding one row per task run (`run_id`, `task_run_key`, `attempt`) that stands for its job. */
type AttemptTable = 'workflow_engine.approval_requests' | 'workflow_engine.external_task_leases';

/** The attempts among `attempts` that no row of `table` stands for, at that attempt or a later one. */
export async function attemptsWithoutRow<T extends TaskAttempt>(
  manager: EntityManager,
  table: AttemptTable,
  attempts: readonly T[],
): Promise<T[]> {
  if (attempts.length === 0) return [];
  const rows = await manager.query<{ run_id: string; task_run_key: string; attempt: number }[]>(
    `SELECT held.run_id, held.task_run_key, max(held.attempt) AS attempt
       FROM jsonb_to_recordset($1::jsonb) AS wanted (run_id uuid, key text)
       JOIN ${table} held ON held.run_id = wanted.run_id AND held.task_run_key = wanted.key
      GROUP BY held.run_id, held.task_run_key`,
    [JSON.stringify(attempts.map((attempt) => ({ run_id: attempt.runId, key: attempt.key })))],
  );
  const latest = new Map(rows.map((row) => [`${row.run_id}:${row.task_run_key}`, row.attempt]));
  return attempts.filter((attempt) => (latest.get(`${attempt.runId}:${attempt.key}`) ?? 0) < attempt.attempt);
}
