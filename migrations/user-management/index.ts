import { CreateUserManagementMessaging1764150000000 } from './1764150000000-create-user-management-messaging.js';
import { CreateUserManagementTables1764160000000 } from './1764160000000-create-user-management-tables.js';

/** Migrations of the `user_management` schema, oldest first. */
export const userManagementMigrations = [
  CreateUserManagementMessaging1764150000000,
  CreateUserManagementTables1764160000000,
];
