import { notifyAfterCommitMigration } from '@libs/messaging';

export const NotifyDataPipelineRelaysAfterCommit1765620000000 = notifyAfterCommitMigration(
  'NotifyDataPipelineRelaysAfterCommit1765620000000',
  'data_pipeline',
);
