import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyUserManagementRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyUserManagementRelaysAfterCommit1765620000000',
  'user_management',
);
