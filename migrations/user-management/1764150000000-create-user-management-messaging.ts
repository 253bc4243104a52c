import { messagingTablesMigration } from '@libs/messaging';

export const CreateUserManagementMessaging1764150000000 = messagingTablesMigration(
  'CreateUserManagementMessaging1764150000000',
  'user_management',
);
