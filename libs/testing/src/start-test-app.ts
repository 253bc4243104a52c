import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, createLogger, loadConfig, type PlatformConfig } from '@libs/platform';
import { scaled } from './time-scale.js';

/**
 * How long a test app's request-path Redis command may take before it answers 503, unless a test says
 * otherwise. The platform's 1 s is meant to fail fast when Redis is gone; on a loaded 2-core machine a
 * healthy Redis stalled a login's commands that long right after the app booted (a CI run, 2026-12-08),
 * and the rate-limit tests' 300 concurrent requests queue their scripts at once.
 */
const PATIENT_REDIS_COMMAND_TIMEOUT_MS = String(Math.min(scaled(10_000), 60_000));

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: PlatformConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Boots the real application on a free port (or `env.PORT`, for an app other processes must find
 * in the service registry by the URL it announces) against this worker's database and Redis, with
 * migrations run, so e2e tests speak HTTP as a user would.
 */
export async function startTestApp(
  rootModule: (config: PlatformConfig) => DynamicModule,
  knownContexts: readonly string[],
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = loadConfig(
    {
      REDIS_COMMAND_TIMEOUT_MS: PATIENT_REDIS_COMMAND_TIMEOUT_MS,
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MIGRATIONS_RUN_ON_START: 'true',
      ...env,
    },
    knownContexts,
  );
  const app = await createApp(rootModule(config), config, createLogger(config.logLevel));
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const url = await app.getUrl();
  return { app, config, url: url.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
