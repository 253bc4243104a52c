import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { AlertNotification, type NotificationStatus } from '../../domain/notifications/alert-notification.js';
import {
  AlertNotificationRepository,
  type NotificationPage,
} from '../../domain/notifications/notifications.repository.js';
import type { Receiver } from '../../domain/notifications/receiver.js';

interface NotificationRow {
  readonly id: string;
  readonly project_id: string;
  readonly route_id: string;
  readonly group_key: string;
  readonly receiver: Receiver;
  readonly body: string;
  readonly status: NotificationStatus;
  readonly webhook_delivery_id: string | null;
  readonly next_attempt_at: Date | null;
  readonly created_at: Date;
  readonly finished_at: Date | null;
}

interface AttemptRow {
  readonly notification_id: string;
  readonly number: number;
  readonly started_at: Date;
  readonly duration_ms: number;
  readonly status_code: number | null;
  readonly error: string | null;
}

const COLUMNS =
  'id, project_id, route_id, group_key, receiver, body, status, webhook_delivery_id, next_attempt_at, created_at, finished_at';
const FIRST = '00000000-0000-0000-0000-000000000000';

/** Notifications in `monitoring.alert_notifications`, their attempts in `alert_notification_attempts`. */
@Injectable()
export class PostgresAlertNotificationRepository extends AlertNotificationRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(notifications: readonly AlertNotification[]): Promise<void> {
    for (const { snapshot: s } of notifications) {
      await this.scope.manager().query(
        `INSERT INTO monitoring.alert_notifications (${COLUMNS}, attempt_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)`,
        [
          s.id,
          s.projectId,
          s.routeId,
          s.groupKey,
          JSON.stringify(s.receiver),
          s.body,
          s.status,
          s.webhookDeliveryId,
          s.nextAttemptAt,
          s.createdAt,
          s.finishedAt,
        ],
      );
    }
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<AlertNotification[]> {
    // One statement: the rows are locked, skipped by other pollers, and leased before anyone sends.
    const rows: NotificationRow[] = await this.scope.manager().query(
      `WITH claimed AS (
         UPDATE monitoring.alert_notifications SET next_attempt_at = $3
         WHERE id IN (
           SELECT id FROM monitoring.alert_notifications
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS})
       SELECT * FROM claimed`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
    return this.withAttempts(rows);
  }

  async saveAttempt(notification: AlertNotification): Promise<boolean> {
    const s = notification.snapshot;
    const attempt = s.attempts[s.attempts.length - 1];
    // Fencing: the attempt is stored only over the count it was made after.
    const stored: unknown[] = await this.scope.manager().query(
      `WITH moved AS (
         UPDATE monitoring.alert_notifications
         SET status = $3, attempt_count = $2, next_attempt_at = $4, finished_at = $5
         WHERE id = $1 AND attempt_count = $2 - 1 AND status = 'pending'
         RETURNING id)
       INSERT INTO monitoring.alert_notification_attempts
         (notification_id, number, started_at, duration_ms, status_code, error)
       SELECT id, $2, $6, $7, $8, $9 FROM moved
       RETURNING notification_id`,
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

  async ofProject(projectId: string, limit: number, cursor?: string): Promise<NotificationPage> {
    const after = cursor !== undefined && isUuid(cursor) ? cursor : FIRST;
    const rows: NotificationRow[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM monitoring.alert_notifications
       WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [projectId, after, limit + 1],
    );
    const items = await this.withAttempts(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  private async withAttempts(rows: readonly NotificationRow[]): Promise<AlertNotification[]> {
    if (rows.length === 0) return [];
    const attempts: AttemptRow[] = await this.scope.manager().query(
      `SELECT notification_id, number, started_at, duration_ms, status_code, error
       FROM monitoring.alert_notification_attempts WHERE notification_id = ANY($1::uuid[]) ORDER BY number`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) =>
      AlertNotification.restore({
        id: row.id,
        projectId: row.project_id,
        routeId: row.route_id,
        groupKey: row.group_key,
        receiver: row.receiver,
        body: row.body,
        status: row.status,
        webhookDeliveryId: row.webhook_delivery_id,
        attempts: attempts
          .filter((attempt) => attempt.notification_id === row.id)
          .map((attempt) => ({
            number: attempt.number,
            startedAt: attempt.started_at,
            durationMs: attempt.duration_ms,
            statusCode: attempt.status_code,
            error: attempt.error,
          })),
        nextAttemptAt: row.next_attempt_at,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
      }),
    );
  }
}
