import { messagingTablesMigration } from '@libs/messaging';

// Every context with a schema has its own outbox and inbox (ADR 0008), which the bus expects of it.
export const CreateApiGatewayMessaging1765540000000 = messagingTablesMigration(
  'CreateApiGatewayMessaging1765540000000',
  'api_gateway',
);
