import { CreateModelRegistryMessaging1764150000000 } from './1764150000000-create-model-registry-messaging.js';
import { CreateModelRegistryTables1764300000000 } from './1764300000000-create-model-registry-tables.js';

/** Migrations of the `model_registry` schema, oldest first. */
export const modelRegistryMigrations = [
  CreateModelRegistryMessaging1764150000000,
  CreateModelRegistryTables1764300000000,
];
