import { Injectable } from '@nestjs/common';
import { ChildRuns } from '../../application/ports/child-runs.js';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/**
 * The child runs of `workflow` tasks, found through the parent recorded in their trigger; and which
 * `workflow` task attempts have started their child run. Such an attempt has no job left: the
 * child run stands for it until the child's end reports back, so the reconciler must leave it be.
 */
@Injectable()
export class ChildRunLinks extends ChildRuns {
  constructor(private readonly transaction: TypeOrmRunTransaction) {
    super();
  }

  async unfinishedOf(parentRunId: string): Promise<string[]> {
    const rows = await this.transaction.manager().query<{ id: string }[]>(
      `SELECT id FROM workflow_engine.runs
        WHERE trigger->>'kind' = 'parent-task' AND trigger->>'parentRunId' = $1
          AND state IN ('queued', 'running', 'paused')`,
      [parentRunId],
    );
    return rows.map((row) => row.id);
  }

  async withoutChild<T extends TaskAttempt>(attempts: readonly T[]): Promise<T[]> {
    if (attempts.length === 0) return [];
    const rows = await this.transaction.manager().query<{ run_id: string; key: string; attempt: number }[]>(
      `SELECT trigger->>'parentRunId' AS run_id, trigger->>'taskKey' AS key, (trigger->>'attempt')::integer AS attempt
         FROM workflow_engine.runs
        WHERE trigger->>'kind' = 'parent-task' AND trigger->>'parentRunId' = ANY($1::text[])`,
      [[...new Set(attempts.map((attempt) => attempt.runId))]],
    );
    const started = new Set(rows.map((row) => `${row.run_id}:${row.key}:${row.attempt}`));
    return attempts.filter(({ runId, key, attempt }) => !started.has(`${runId}:${key}:${attempt}`));
  }
}
