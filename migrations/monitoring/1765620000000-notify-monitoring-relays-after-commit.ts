import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyMonitoringRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyMonitoringRelaysAfterCommit1765620000000',
  'monitoring',
);
