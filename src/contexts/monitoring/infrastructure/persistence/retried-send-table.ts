import type { AmbientTransaction } from '@libs/platform';
import type { DeliveryAttempt } from '../../domain/webhooks/attempt-progress.js';

/** Where a kind of retried send lives: webhook deliveries and alert notifications each have one table pair. */
export interface RetriedSendNames {
  /** The sends, e.g. `monitoring.webhook_deliveries`. */
  readonly table: string;
  /** The columns a claimed row answers with. */
  readonly columns: string;
  /** The sends' attempts, e.g. `monitoring.webhook_delivery_attempts`. */
  readonly attempts: string;
  /** The attempts' column naming their send, e.g. `delivery_id`. */
  readonly sendColumn: string;
}

/** What saving an attempt needs of a send's state after it. */
export interface AttemptedSend {
  readonly id: string;
  readonly status: string;
  readonly attempts: readonly DeliveryAttempt[];
  readonly nextAttemptAt: Date | null;
  readonly finishedAt: Date | null;
}

interface AttemptRow {
  readonly send_id: string;
  readonly number: number;
  readonly started_at: Date;
  readonly duration_ms: number;
  readonly status_code: number | null;
  readonly error: string | null;
}

/**
 * The statements webhook deliveries and alert notifications share, over their own tables: claiming
 * the due sends under a lease, saving an attempt fenced by the attempt count, reading attempts.
 */
export class RetriedSendTable {
  constructor(
    private readonly scope: AmbientTransaction,
    private readonly names: RetriedSendNames,
  ) {}

  /** Pending sends due by `now`, at most `limit`, leased for `leaseMs` so no other poller sends them meanwhile. */
  claimDue<Row>(now: Date, limit: number, leaseMs: number): Promise<Row[]> {
    const { table, columns } = this.names;
    // One statement: the rows are locked, skipped by other pollers, and leased before anyone sends.
    return this.scope.manager().query(
      `WITH claimed AS (
         UPDATE ${table} SET next_attempt_at = $3
         WHERE id IN (
           SELECT id FROM ${table}
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${columns})
       SELECT * FROM claimed`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
  }

  /** Stores the send's last attempt and where it stands; false when another poller's attempt came first. */
  async saveAttempt(send: AttemptedSend): Promise<boolean> {
    const { table, attempts, sendColumn } = this.names;
    const attempt = send.attempts[send.attempts.length - 1];
    // Fencing: the attempt is stored only over the count it was made after.
    const stored: unknown[] = await this.scope.manager().query(
      `WITH moved AS (
         UPDATE ${table}
         SET status = $3, attempt_count = $2, next_attempt_at = $4, finished_at = $5
         WHERE id = $1 AND attempt_count = $2 - 1 AND status = 'pending'
         RETURNING id)
       INSERT INTO ${attempts} (${sendColumn}, number, started_at, duration_ms, status_code, error)
       SELECT id, $2, $6, $7, $8, $9 FROM moved
       RETURNING ${sendColumn}`,
      [
        send.id,
        attempt.number,
        send.status,
        send.nextAttemptAt,
        send.finishedAt,
        attempt.startedAt,
        attempt.durationMs,
        attempt.statusCode,
        attempt.error,
      ],
    );
    return stored.length > 0;
  }

  /** Moves a pending send's due time without an attempt; fenced on its attempt count like saveAttempt. */
  async postpone(send: AttemptedSend): Promise<boolean> {
    // In a SELECT: TypeORM answers a bare UPDATE's RETURNING rows paired with its row count.
    const moved: unknown[] = await this.scope.manager().query(
      `WITH moved AS (
         UPDATE ${this.names.table} SET next_attempt_at = $3
         WHERE id = $1 AND attempt_count = $2 AND status = 'pending' RETURNING id)
       SELECT id FROM moved`,
      [send.id, send.attempts.length, send.nextAttemptAt],
    );
    return moved.length > 0;
  }

  /** The attempts of the sends `ids`, in order, looked up by send. */
  async attemptsOf(ids: readonly string[]): Promise<(id: string) => DeliveryAttempt[]> {
    const { attempts, sendColumn } = this.names;
    const rows: AttemptRow[] = await this.scope.manager().query(
      `SELECT ${sendColumn} AS send_id, number, started_at, duration_ms, status_code, error
       FROM ${attempts} WHERE ${sendColumn} = ANY($1::uuid[]) ORDER BY number`,
      [ids],
    );
    return (id) => rows.filter((row) => row.send_id === id).map(toAttempt);
  }
}

function toAttempt(row: AttemptRow): DeliveryAttempt {
  return {
    number: row.number,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    statusCode: row.status_code,
    error: row.error,
  };
}
