import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess } from '@libs/testing';
import { ExternalPostgres } from '../support/data-pipeline/external-postgres.js';

const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
const MIGRATE = fileURLToPath(new URL('../../dist/src/cli/migrate.js', import.meta.url));

describe('SECRETS_ENCRYPTION_KEYS in production, only where secrets are sealed', () => {
  // A database of its own: the token-signing key a production process stores is sealed with its
  // AUTH_KEY_ENCRYPTION_SECRET, which the test apps sharing the worker's database could not open.
  let database: ExternalPostgres;
  /** A production process with every secret it needs but SECRETS_ENCRYPTION_KEYS. */
  let productionWithoutSealingKeys: Record<string, string>;
  beforeAll(async () => {
    database = await ExternalPostgres.create('');
    productionWithoutSealingKeys = {
      NODE_ENV: 'production',
      AUTH_KEY_ENCRYPTION_SECRET: 'x'.repeat(32),
      SECRETS_ENCRYPTION_KEYS: '',
      DATABASE_URL: database.url,
    };
  });
  afterAll(() => database.drop());

  it('starts a process hosting no context that seals secrets without the keys', async () => {
    const app = await AppProcess.start(MAIN, {
      ...productionWithoutSealingKeys,
      APP_CONTEXTS: 'user-management,api-gateway',
      MIGRATIONS_RUN_ON_START: 'true',
    });
    const ready = await fetch(`${app.url}/health/ready`);
    await app.stop();
    expect(ready.status).toBe(200);
  });

  it('refuses to start a process hosting monitoring without the keys, naming them', async () => {
    const app = await AppProcess.start(
      MAIN,
      { ...productionWithoutSealingKeys, APP_CONTEXTS: 'user-management,monitoring' },
      { waitUntilReady: false },
    );
    const { code } = await app.exited;
    expect(code).toBe(1);
    expect(app.logs).toContain('SECRETS_ENCRYPTION_KEYS is required when NODE_ENV=production in a process hosting');
  });

  it('runs the migrations of every context without the keys', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [MIGRATE, 'run'], {
      env: { ...process.env, ...productionWithoutSealingKeys, APP_CONTEXTS: 'all' },
    });
    expect(stdout).toMatch(/^(Applied: .+|Nothing to apply)$/m);
  });
});
