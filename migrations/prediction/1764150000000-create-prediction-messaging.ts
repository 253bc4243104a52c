import { messagingTablesMigration } from '@libs/messaging';

export const CreatePredictionMessaging1764150000000 = messagingTablesMigration(
  'CreatePredictionMessaging1764150000000',
  'prediction',
);
