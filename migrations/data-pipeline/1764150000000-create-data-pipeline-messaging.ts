import { messagingTablesMigration } from '@libs/messaging';

export const CreateDataPipelineMessaging1764150000000 = messagingTablesMigration(
  'CreateDataPipelineMessaging1764150000000',
  'data_pipeline',
);
