import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyModelRegistryRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyModelRegistryRelaysAfterCommit1765620000000',
  'model_registry',
);
