import { Injectable, Logger } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import {
  AmbientTransaction,
  openableRows,
  OptionalSecretOpener,
  resealColumn,
  SecretCipher,
  type SealedSecretStore,
} from '@libs/platform';
import {
  AlertNotification,
  type AlertNotificationState,
  type NotificationStatus,
} from '../../domain/notifications/alert-notification.js';
import {
  AlertNotificationRepository,
  type NotificationPage,
} from '../../domain/notifications/notifications.repository.js';
import type { ListedReceiver, Receiver } from '../../domain/notifications/receiver.js';
import type { DeliveryAttempt } from '../../domain/webhooks/webhook-delivery.js';
import { RetriedSendTable } from '../persistence/retried-send-table.js';
import { listedReceiver, openReceiver, resealedReceiver, sealReceiver } from './sealed-receivers.js';

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

const COLUMNS =
  'id, project_id, route_id, group_key, receiver, body, status, webhook_delivery_id, next_attempt_at, created_at, finished_at';
const FIRST = '00000000-0000-0000-0000-000000000000';

const RECEIVER_COLUMN = 'monitoring.alert_notifications.receiver';
const receiverOf = (id: string): string => `${RECEIVER_COLUMN}:${id}`;

/**
 * Notifications in `monitoring.alert_notifications`, their attempts in `alert_notification_attempts`.
 * A Slack receiver's URL is sealed in the row (docs/adr/0015) and opened for the poller that posts,
 * and for the project's list, which shows one that no configured key opens without its URL.
 */
@Injectable()
export class PostgresAlertNotificationRepository extends AlertNotificationRepository implements SealedSecretStore {
  readonly name = RECEIVER_COLUMN;
  private readonly logger = new Logger(PostgresAlertNotificationRepository.name);
  private readonly secrets: OptionalSecretOpener;
  private readonly table: RetriedSendTable;

  constructor(
    private readonly scope: AmbientTransaction,
    private readonly cipher: SecretCipher,
  ) {
    super();
    this.secrets = new OptionalSecretOpener(cipher, this.logger);
    this.table = new RetriedSendTable(scope, {
      table: 'monitoring.alert_notifications',
      columns: COLUMNS,
      attempts: 'monitoring.alert_notification_attempts',
      sendColumn: 'notification_id',
    });
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
          JSON.stringify(sealReceiver(s.receiver, this.cipher, receiverOf(s.id))),
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
    const claimed = await this.table.claimDue<NotificationRow>(now, limit, leaseMs);
    const attemptsOf = await this.attemptsOf(claimed);
    // One that does not open stays leased (and is tried again after its lease), the others are sent.
    return openableRows(
      claimed,
      (row) =>
        AlertNotification.restore(
          stateOf(row, attemptsOf, openReceiver(row.receiver, this.cipher, receiverOf(row.id))),
        ),
      this.logger,
      'alert notification',
    );
  }

  saveAttempt(notification: AlertNotification): Promise<boolean> {
    return this.table.saveAttempt(notification.snapshot);
  }

  savePostponement(notification: AlertNotification): Promise<boolean> {
    return this.table.postpone(notification.snapshot);
  }

  async ofProject(projectId: string, limit: number, cursor?: string): Promise<NotificationPage> {
    const after = cursor !== undefined && isUuid(cursor) ? cursor : FIRST;
    const rows: NotificationRow[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM monitoring.alert_notifications
       WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [projectId, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    const attemptsOf = await this.attemptsOf(page);
    // Read back by the project: a Slack URL no key opens is listed without it rather than failing the page.
    const items = page.map((row) =>
      stateOf(row, attemptsOf, listedReceiver(row.receiver, this.secrets, receiverOf(row.id))),
    );
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Delivered and dead notifications keep their receiver too: every row is re-sealed. */
  reseal(): Promise<number> {
    return resealColumn<Receiver>(this.scope.manager(), {
      table: 'monitoring.alert_notifications',
      column: 'receiver',
      type: 'jsonb',
      reseal: (id, receiver) => resealedReceiver(receiver, this.cipher, receiverOf(id)),
    });
  }

  private async attemptsOf(rows: readonly NotificationRow[]): Promise<(id: string) => DeliveryAttempt[]> {
    return rows.length === 0 ? () => [] : this.table.attemptsOf(rows.map((row) => row.id));
  }
}

function stateOf<Read extends ListedReceiver>(
  row: NotificationRow,
  attemptsOf: (id: string) => DeliveryAttempt[],
  receiver: Read,
): Omit<AlertNotificationState, 'receiver'> & { readonly receiver: Read } {
  return {
    id: row.id,
    projectId: row.project_id,
    routeId: row.route_id,
    groupKey: row.group_key,
    receiver,
    body: row.body,
    status: row.status,
    webhookDeliveryId: row.webhook_delivery_id,
    attempts: attemptsOf(row.id),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
