import { CreateMonitoringMessaging1764150000000 } from './1764150000000-create-monitoring-messaging.js';
import { KeepMonitoringPublishedOutboxRows1765000000000 } from './1765000000000-keep-monitoring-published-outbox-rows.js';
import { CreateWebhooks1765430000000 } from './1765430000000-create-webhooks.js';
import { CreateAlerting1765460000000 } from './1765460000000-create-alerting.js';
import { CreateAlertNotifications1765460000001 } from './1765460000001-create-alert-notifications.js';
import { CreateInhibitionRules1765460000002 } from './1765460000002-create-inhibition-rules.js';
import { CreateTaskRunAttempts1765520000000 } from './1765520000000-create-task-run-attempts.js';
import { NotifyMonitoringRelaysAfterCommit1765620000000 } from './1765620000000-notify-monitoring-relays-after-commit.js';

/** Migrations of the `monitoring` schema, oldest first. */
export const monitoringMigrations = [
  CreateMonitoringMessaging1764150000000,
  KeepMonitoringPublishedOutboxRows1765000000000,
  CreateWebhooks1765430000000,
  CreateAlerting1765460000000,
  CreateAlertNotifications1765460000001,
  CreateInhibitionRules1765460000002,
  CreateTaskRunAttempts1765520000000,
  NotifyMonitoringRelaysAfterCommit1765620000000,
];
