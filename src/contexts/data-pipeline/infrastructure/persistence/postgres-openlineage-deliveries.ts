import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { OpenLineageDeliveries, type DueDelivery } from '../../application/ports/openlineage-deliveries.js';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';

const TABLE = 'data_pipeline.openlineage_deliveries';
/** Error texts are kept short: a receiver's message is a hint, not a log. */
const MAX_ERROR_LENGTH = 1000;

/** The OpenLineage delivery queue in `data_pipeline.openlineage_deliveries` (docs/adr/0405). */
@Injectable()
export class PostgresOpenLineageDeliveries extends OpenLineageDeliveries {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(event: OpenLineageRunEvent, at: Date): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO ${TABLE} (run_id, event_type, event, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (run_id, event_type) DO NOTHING`,
      [event.run.runId, event.eventType, JSON.stringify(event), at],
    );
  }

  async claimDue(limit: number, now: Date, leaseMs: number): Promise<DueDelivery[]> {
    // An earlier unsettled event of the same run, due or not, holds the later ones back: order per run.
    // Wrapped in a SELECT, since TypeORM answers an UPDATE's RETURNING rows paired with its row count.
    const rows: { seq: string; event: OpenLineageRunEvent; attempts: number }[] = await this.scope.manager().query(
      `WITH claimed AS (
         UPDATE ${TABLE} SET attempts = attempts + 1, next_attempt_at = $2::timestamptz + $3 * interval '1 millisecond'
           WHERE seq IN (
             SELECT seq FROM ${TABLE} d
               WHERE status = 'pending' AND next_attempt_at <= $2
                 AND NOT EXISTS (
                   SELECT 1 FROM ${TABLE} e WHERE e.run_id = d.run_id AND e.status = 'pending' AND e.seq < d.seq)
               ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING seq, event, attempts)
       SELECT seq, event, attempts FROM claimed ORDER BY seq`,
      [limit, now, leaseMs],
    );
    return rows.map((row) => ({ seq: Number(row.seq), event: row.event, attempts: row.attempts }));
  }

  async markDelivered(seq: number, at: Date): Promise<void> {
    await this.scope
      .manager()
      .query(`UPDATE ${TABLE} SET status = 'delivered', last_error = NULL, settled_at = $2 WHERE seq = $1`, [seq, at]);
  }

  async markRetry(seq: number, error: string, nextAttemptAt: Date): Promise<void> {
    await this.scope
      .manager()
      .query(`UPDATE ${TABLE} SET last_error = $2, next_attempt_at = $3 WHERE seq = $1`, [
        seq,
        error.slice(0, MAX_ERROR_LENGTH),
        nextAttemptAt,
      ]);
  }

  async postpone(seq: number, until: Date): Promise<void> {
    // The claim counted an attempt that was never made; the dead-letter limit counts only real ones.
    await this.scope
      .manager()
      .query(`UPDATE ${TABLE} SET attempts = attempts - 1, next_attempt_at = $2 WHERE seq = $1`, [seq, until]);
  }

  async markFailed(seq: number, error: string, at: Date): Promise<void> {
    await this.scope
      .manager()
      .query(`UPDATE ${TABLE} SET status = 'failed', last_error = $2, settled_at = $3 WHERE seq = $1`, [
        seq,
        error.slice(0, MAX_ERROR_LENGTH),
        at,
      ]);
  }
}
