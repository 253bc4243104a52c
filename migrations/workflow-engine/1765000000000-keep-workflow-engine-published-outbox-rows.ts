import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepWorkflowEnginePublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepWorkflowEnginePublishedOutboxRows1765000000000',
  'workflow_engine',
);
