import { CreateUserManagementMessaging1764150000000 } from './1764150000000-create-user-management-messaging.js';
import { CreateUserManagementTables1764160000000 } from './1764160000000-create-user-management-tables.js';
import { KeepUserManagementPublishedOutboxRows1765000000000 } from './1765000000000-keep-user-management-published-outbox-rows.js';
import { NotifyUserManagementRelaysAfterCommit1765620000000 } from './1765620000000-notify-user-management-relays-after-commit.js';

/** Migrations of the `user_management` schema, oldest first. */
export const userManagementMigrations = [
  CreateUserManagementMessaging1764150000000,
  CreateUserManagementTables1764160000000,
  KeepUserManagementPublishedOutboxRows1765000000000,
  NotifyUserManagementRelaysAfterCommit1765620000000,
];
