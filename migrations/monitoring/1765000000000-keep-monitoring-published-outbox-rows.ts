import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepMonitoringPublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepMonitoringPublishedOutboxRows1765000000000',
  'monitoring',
);
