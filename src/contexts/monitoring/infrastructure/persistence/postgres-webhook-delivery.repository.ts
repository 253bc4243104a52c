import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { WebhookDelivery, type DeliveryStatus } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository, type DeliveryPage } from '../../domain/webhooks/webhook-delivery.repository.js';
import { RetriedSendTable } from './retried-send-table.js';

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

const COLUMNS =
  'id, subscription_id, project_id, event_id, event_type, body, status, next_attempt_at, created_at, finished_at';
const NEWEST = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** Deliveries in `monitoring.webhook_deliveries`, their attempts in `webhook_delivery_attempts`. */
@Injectable()
export class PostgresWebhookDeliveryRepository extends WebhookDeliveryRepository {
  private readonly table: RetriedSendTable;

  constructor(private readonly scope: AmbientTransaction) {
    super();
    this.table = new RetriedSendTable(scope, {
      table: 'monitoring.webhook_deliveries',
      columns: COLUMNS,
      attempts: 'monitoring.webhook_delivery_attempts',
      sendColumn: 'delivery_id',
    });
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
    return this.withAttempts(await this.table.claimDue<DeliveryRow>(now, limit, leaseMs));
  }

  saveAttempt(delivery: WebhookDelivery): Promise<boolean> {
    return this.table.saveAttempt(delivery.snapshot);
  }

  savePostponement(delivery: WebhookDelivery): Promise<boolean> {
    return this.table.postpone(delivery.snapshot);
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
    const attemptsOf = await this.table.attemptsOf(rows.map((row) => row.id));
    return rows.map((row) =>
      WebhookDelivery.restore({
        id: row.id,
        subscriptionId: row.subscription_id,
        projectId: row.project_id,
        eventId: row.event_id,
        eventType: row.event_type,
        body: row.body,
        status: row.status,
        attempts: attemptsOf(row.id),
        nextAttemptAt: row.next_attempt_at,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
      }),
    );
  }
}
