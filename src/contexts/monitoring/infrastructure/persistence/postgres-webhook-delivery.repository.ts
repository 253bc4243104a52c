import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { WebhookDelivery, type DeliveryAttempt, type DeliveryStatus } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository, type DeliveryPage } from '../../domain/webhooks/webhook-delivery.repository.js';

interface DeliveryRow {
  readonly id: string;
  readonly subscription_id: string;
  readonly project_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly next_attempt_at: Date | null;
  readonly created_at: Date;
  readonly finished_at: Date | null;
}

interface AttemptRow {
  readonly delivery_id: string;
  readonly number: number;
  readonly started_at: Date;
  readonly duration_ms: number;
  readonly status_code: number | null;
  readonly error: string | null;
}

const COLUMNS =
  'id, subscription_id, project_id, event_id, event_type, body, status, next_attempt_at, created_at, finished_at';
const NEWEST = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** Deliveries in `monitoring.webhook_deliveries`, their attempts in `webhook_delivery_attempts`. */
@Injectable()
export class PostgresWebhookDeliveryRepository extends WebhookDeliveryRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(deliveries: readonly WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const states = deliveries.map((delivery) => delivery.snapshot);
    await this.scope.manager().query(
      `INSERT INTO monitoring.webhook_deliveries
         (id, subscription_id, project_id, event_id, event_type, body, status, attempt_count, next_attempt_at, created_at)
       SELECT id, subscription_id, project_id, event_id, event_type, body, 'pending', 0, created_at, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[])
         AS d (id, subscription_id, project_id, event_id, event_type, body, created_at)
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [
        states.map((s) => s.id),
        states.map((s) => s.subscriptionId),
        states.map((s) => s.projectId),
        states.map((s) => s.eventId),
        states.map((s) => s.eventType),
        states.map((s) => s.body),
        states.map((s) => s.createdAt),
      ],
    );
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDelivery[]> {
    // One statement: the rows are locked, skipped by other pollers, and leased before anyone sends.
    const rows: DeliveryRow[] = await this.scope.manager().query(
      `WITH claimed AS (
         UPDATE monitoring.webhook_deliveries SET next_attempt_at = $3
         WHERE id IN (
           SELECT id FROM monitoring.webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS})
       SELECT * FROM claimed`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
    return this.withAttempts(rows);
  }

  async saveAttempt(delivery: WebhookDelivery): Promise<boolean> {
    const s = delivery.snapshot;
    const attempt = s.attempts[s.attempts.length - 1];
    // Fencing: the attempt is stored only over the count it was made after.
    const stored: unknown[] = await this.scope.manager().query(
      `WITH moved AS (
         UPDATE monitoring.webhook_deliveries
         SET status = $3, attempt_count = $2, next_attempt_at = $4, finished_at = $5
         WHERE id = $1 AND attempt_count = $2 - 1 AND status = 'pending'
         RETURNING id)
       INSERT INTO monitoring.webhook_delivery_attempts (delivery_id, number, started_at, duration_ms, status_code, error)
       SELECT id, $2, $6, $7, $8, $9 FROM moved
       RETURNING delivery_id`,
      [
        s.id,
        attempt.number,
        s.status,
        s.nextAttemptAt,
        s.finishedAt,
        attempt.startedAt,
        attempt.durationMs,
        attempt.statusCode,
        attempt.error,
      ],
    );
    return stored.length > 0;
  }

  async listOfSubscription(subscriptionId: string, limit: number, cursor?: string): Promise<DeliveryPage> {
    const before = cursor !== undefined && isUuid(cursor) ? cursor : NEWEST;
    const rows: DeliveryRow[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM monitoring.webhook_deliveries
       WHERE subscription_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`,
      [subscriptionId, before, limit + 1],
    );
    const items = await this.withAttempts(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  private async withAttempts(rows: readonly DeliveryRow[]): Promise<WebhookDelivery[]> {
    if (rows.length === 0) return [];
    const attempts: AttemptRow[] = await this.scope.manager().query(
      `SELECT delivery_id, number, started_at, duration_ms, status_code, error
       FROM monitoring.webhook_delivery_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY number`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) =>
      WebhookDelivery.restore({
        id: row.id,
        subscriptionId: row.subscription_id,
        projectId: row.project_id,
        eventId: row.event_id,
        eventType: row.event_type,
        body: row.body,
        status: row.status,
        attempts: attempts.filter((attempt) => attempt.delivery_id === row.id).map(toAttempt),
        nextAttemptAt: row.next_attempt_at,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
      }),
    );
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
