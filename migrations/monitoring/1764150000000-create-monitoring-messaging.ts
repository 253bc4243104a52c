import { messagingTablesMigration } from '@libs/messaging';

export const CreateMonitoringMessaging1764150000000 = messagingTablesMigration(
  'CreateMonitoringMessaging1764150000000',
  'monitoring',
);
