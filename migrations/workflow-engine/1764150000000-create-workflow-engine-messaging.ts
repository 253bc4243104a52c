import { messagingTablesMigration } from '@libs/messaging';

export const CreateWorkflowEngineMessaging1764150000000 = messagingTablesMigration(
  'CreateWorkflowEngineMessaging1764150000000',
  'workflow_engine',
);
