import { fileURLToPath } from 'node:url';
import { AppProcess } from '@libs/testing';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../e2e/user-management/auth-client.js';

// Built by `npm run build` (pretest): child processes run plain Node, as in production.
const PLATFORM = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

/**
 * What every process of these tests shares: this Jest worker's database and Redis (inherited from
 * the environment), the test admin, migrations at start, and `http` tasks allowed to reach the
 * test's own servers on 127.0.0.1. Only the contexts these tests use: the others' consumers, relays
 * and workers would slow each start and compete for the CPU with the processes under test.
 */
const PLATFORM_ENV: Record<string, string> = {
  ...FAST_AUTH_ENV,
  APP_CONTEXTS: 'user-management,workflow-engine',
  MIGRATIONS_RUN_ON_START: 'true',
  WORKFLOW_HTTP_ALLOW_PRIVATE_NETWORKS: 'true',
};

/** The whole built platform (API and workers) as a child process that a test may kill or freeze. */
export function startPlatform(
  env: Record<string, string> = {},
  options?: { waitUntilReady?: boolean },
): Promise<AppProcess> {
  return AppProcess.start(PLATFORM, { ...PLATFORM_ENV, ...env }, options);
}

export interface ProjectOwner {
  readonly owner: NewUser;
  readonly projectId: string;
}

/** A user owning a fresh project; their token works against any process sharing the database and Redis. */
export async function projectOwner(app: AppProcess): Promise<ProjectOwner> {
  const anonymous = new Client(app.url);
  const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  const owner = await newUser(admin, anonymous);
  const created = await owner.client.call('POST', '/api/v1/projects', { name: `p-${Date.now()}` });
  return { owner, projectId: created.body.id as string };
}

/** The same signed-in user, speaking to another process. */
export function clientOf(owner: NewUser, app: AppProcess): Client {
  return new Client(app.url).withToken(owner.tokens.accessToken);
}
