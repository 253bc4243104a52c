import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';
import { withProcessEnv } from '../process-env.js';

export interface SealingAppOptions {
  /** A database of the test's own: what is sealed there under `keys` is the test's to read. */
  readonly databaseUrl: string;
  /** SECRETS_ENCRYPTION_KEYS. */
  readonly keys: string;
  /** `host:port` of the test's webhook receiver, reached over plain http. */
  readonly receiverHost: string;
  /** `api` runs no pollers: what the app seals stays unsent for the next app. */
  readonly role?: 'api' | 'all';
}

/** User management and monitoring sealing their secrets under `keys`, delivering every 20 ms. */
export function startSealingApp({
  databaseUrl,
  keys,
  receiverHost,
  role = 'all',
}: SealingAppOptions): Promise<TestApp> {
  return withProcessEnv(
    {
      ...FAST_AUTH_ENV,
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: receiverHost,
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '20',
    },
    () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        DATABASE_URL: databaseUrl,
        APP_CONTEXTS: 'user-management,monitoring',
        APP_ROLE: role,
        SECRETS_ENCRYPTION_KEYS: keys,
      }),
  );
}
