import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyPredictionRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyPredictionRelaysAfterCommit1765620000000',
  'prediction',
);
