import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepDataPipelinePublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepDataPipelinePublishedOutboxRows1765000000000',
  'data_pipeline',
);
