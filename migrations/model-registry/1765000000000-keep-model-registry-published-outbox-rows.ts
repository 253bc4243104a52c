import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepModelRegistryPublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepModelRegistryPublishedOutboxRows1765000000000',
  'model_registry',
);
