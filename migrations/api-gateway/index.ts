import { CreateApiGatewayMessaging1765540000000 } from './1765540000000-create-api-gateway-messaging.js';
import { CreateProjectRateLimits1765540000001 } from './1765540000001-create-project-rate-limits.js';
import { NotifyApiGatewayRelaysAfterCommit1765620000000 } from './1765620000000-notify-api-gateway-relays-after-commit.js';

/** Migrations of the `api_gateway` schema, oldest first. */
export const apiGatewayMigrations = [
  CreateApiGatewayMessaging1765540000000,
  CreateProjectRateLimits1765540000001,
  NotifyApiGatewayRelaysAfterCommit1765620000000,
];
