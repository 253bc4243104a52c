import { CreateMonitoringMessaging1764150000000 } from './1764150000000-create-monitoring-messaging.js';

/** Migrations of the `monitoring` schema, oldest first. */
export const monitoringMigrations = [CreateMonitoringMessaging1764150000000];
