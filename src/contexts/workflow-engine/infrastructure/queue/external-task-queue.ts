import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import type { TaskAttempt } from '../../application/ports/task-queue.js';
import { TaskOffers } from '../../application/ports/task-offers.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { attemptsWithoutRow } from '../persistence/attempt-rows.js';
import { TypeOrmRunTransaction } from '../persistence/typeorm-run-transaction.js';

/**
 * The queue of `external` task runs: a lease row per task run in PostgreSQL, which workers claim
 * over HTTP. Offering an attempt twice is harmless, and an older attempt never overwrites a newer.
 */
@Injectable()
export class ExternalTaskQueue {
  constructor(
    private readonly transaction: TypeOrmRunTransaction,
    private readonly offers: TaskOffers,
  ) {}

  async offer(dispatches: readonly TaskDispatch[]): Promise<void> {
    if (dispatches.length === 0) return;
    const rows = dispatches.map((dispatch) => ({
      id: newId(),
      run_id: dispatch.runId,
      task_run_key: dispatch.key,
      queue: queueOf(dispatch),
      attempt: dispatch.attempt,
      delay_ms: dispatch.delayMs,
    }));
    await this.transaction.manager().query(
      `INSERT INTO workflow_engine.external_task_leases (id, run_id, task_run_key, project_id, queue, attempt, available_at)
       SELECT offer.id, offer.run_id, offer.task_run_key, run.project_id, offer.queue, offer.attempt,
         now() + make_interval(secs => offer.delay_ms / 1000.0)
       FROM jsonb_to_recordset($1::jsonb)
         AS offer (id uuid, run_id uuid, task_run_key text, queue text, attempt integer, delay_ms integer)
       JOIN workflow_engine.runs run ON run.id = offer.run_id
       ON CONFLICT (run_id, task_run_key) DO UPDATE
       SET attempt = EXCLUDED.attempt, queue = EXCLUDED.queue, available_at = EXCLUDED.available_at,
         lease_token = NULL, worker_id = NULL, leased_until = NULL
       WHERE external_task_leases.attempt < EXCLUDED.attempt`,
      [JSON.stringify(rows)],
    );
    this.offers.announce();
    // A retry's offer becomes claimable after its backoff: waiting claims are woken then, not at their recheck.
    for (const delayMs of new Set(dispatches.map((dispatch) => dispatch.delayMs).filter((ms) => ms > 0))) {
      setTimeout(() => this.offers.announce(), delayMs).unref();
    }
  }

  /** The attempts that no lease row stands for (at that attempt or a later one). */
  withoutOffer<T extends TaskAttempt>(attempts: readonly T[]): Promise<T[]> {
    return attemptsWithoutRow(this.transaction.manager(), 'workflow_engine.external_task_leases', attempts);
  }
}

/** The params schema requires `queue`; a placeholder that rendered to something else is kept as text. */
function queueOf(dispatch: TaskDispatch): string {
  const params = dispatch.input;
  const queue = params !== null && typeof params === 'object' && !Array.isArray(params) ? params.queue : undefined;
  return typeof queue === 'string' ? queue : JSON.stringify(queue ?? null);
}
