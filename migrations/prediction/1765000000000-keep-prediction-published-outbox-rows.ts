import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepPredictionPublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepPredictionPublishedOutboxRows1765000000000',
  'prediction',
);
