import { CreateModelRegistryMessaging1764150000000 } from './1764150000000-create-model-registry-messaging.js';
import { CreateModelRegistryTables1764300000000 } from './1764300000000-create-model-registry-tables.js';
import { KeepModelRegistryPublishedOutboxRows1765000000000 } from './1765000000000-keep-model-registry-published-outbox-rows.js';
import { NotifyModelRegistryRelaysAfterCommit1765620000000 } from './1765620000000-notify-model-registry-relays-after-commit.js';

/** Migrations of the `model_registry` schema, oldest first. */
export const modelRegistryMigrations = [
  CreateModelRegistryMessaging1764150000000,
  CreateModelRegistryTables1764300000000,
  KeepModelRegistryPublishedOutboxRows1765000000000,
  NotifyModelRegistryRelaysAfterCommit1765620000000,
];
