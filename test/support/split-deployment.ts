import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppProcess, waitFor } from '@libs/testing';
import { FAST_AUTH_ENV } from '../e2e/user-management/auth-client.js';

// Built by `npm run build` (pretest): child processes run plain Node, as in production.
const PLATFORM = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

/** The three processes of issue 15's split deployment: the gateway and two groups of contexts. */
export const GROUPS = {
  gateway: 'api-gateway',
  identityAndWorkflows: 'user-management,workflow-engine',
  registry: 'model-registry,data-pipeline,prediction,monitoring',
} as const;

/**
 * Quick heartbeats and registry reads, so instances come and go within a second; a time to live
 * longer than the test's kill-to-breaker window, so the killed instance is still registered while
 * its breaker opens (a lapsed one answers 503 `no-upstream-instance` instead).
 */
const ROUTING_ENV: Record<string, string> = {
  GATEWAY_HEARTBEAT_MS: '300',
  GATEWAY_REGISTRY_POLL_MS: '100',
  GATEWAY_INSTANCE_TTL_MS: '20000',
  GATEWAY_BREAKER_HALF_OPEN_MS: '2000',
  GATEWAY_TRY_TIMEOUT_MS: '5000',
  // Facade calls between the processes are signed with it (docs/adr/0704).
  SERVICE_CALL_SECRET: 'split-deployment-test-secret-of-32-characters-or-more',
};

/** The processes of a split deployment sharing this Jest worker's database and Redis, and one object store. */
export class SplitDeployment {
  readonly processes: AppProcess[] = [];

  private constructor(private readonly storageDir: string) {}

  static async create(): Promise<SplitDeployment> {
    return new SplitDeployment(await mkdtemp(join(tmpdir(), 'split-objects-')));
  }

  async start(contexts: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const app = await AppProcess.start(PLATFORM, {
      ...FAST_AUTH_ENV,
      ...ROUTING_ENV,
      APP_CONTEXTS: contexts,
      MIGRATIONS_RUN_ON_START: 'true',
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: this.storageDir,
      ...env,
    });
    this.processes.push(app);
    return app;
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((app) => app.stop()));
    await rm(this.storageDir, { recursive: true, force: true });
  }
}

/** Resolves once `gateway` forwards `path` (GET, with `token`) with a 2xx: the instance serving it is known. */
export function waitUntilRouted(gateway: AppProcess, path: string, token: string): Promise<Response> {
  return waitFor(
    async () => {
      const response = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return response.ok ? response : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100, what: `${path} routed through the gateway` },
  );
}
