import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyApiGatewayRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyApiGatewayRelaysAfterCommit1765620000000',
  'api_gateway',
);
