import { keepPublishedOutboxRowsMigration } from '@libs/messaging';

export const KeepUserManagementPublishedOutboxRows1765000000000 = keepPublishedOutboxRowsMigration(
  'KeepUserManagementPublishedOutboxRows1765000000000',
  'user_management',
);
