import { messagingTablesMigration } from '@libs/messaging';

export const CreateModelRegistryMessaging1764150000000 = messagingTablesMigration(
  'CreateModelRegistryMessaging1764150000000',
  'model_registry',
);
