import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyWorkflowEngineRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyWorkflowEngineRelaysAfterCommit1765620000000',
  'workflow_engine',
);
