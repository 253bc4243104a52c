/**
 * `npm run local`: the one-command local start of ARCHITECTURE section 7.
 *
 * Builds dist/ when it is missing or older than the sources, then starts what is
 * not configured: PostgreSQL as embedded PGlite when DATABASE_URL is unset, and
 * redis-server from PATH when REDIS_URL is unset. It runs the app with
 * migrations on start, prints its URLs once /health/ready answers 200, and on
 * Ctrl-C or SIGTERM stops the app, then Redis and PGlite. The app listens on
 * 127.0.0.1 unless HOST is set, on PORT (3000; 0 picks a free port).
 *
 * Reads `.env` from the working directory if there is one (set variables win).
 * One variable of its own:
 *   LOCAL_DATA_DIR  where PGlite (pglite/) and redis-server (redis/) keep their
 *                   data; default `.data`, relative to the working directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './local/app-process.mjs';
import { build, isBuildStale } from './local/build.mjs';
import { lockDataDir } from './local/data-dir-lock.mjs';
import { startEmbeddedPostgres } from './local/embedded-postgres.mjs';
import { freePort } from './local/free-port.mjs';
import { LaunchError } from './local/launch-error.mjs';
import { findRedisServer, startRedisServer } from './local/redis-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN_JS = join(ROOT, 'dist/src/main.js');
const READY_TIMEOUT_MS = 60_000;

/** What has been started, stopped in reverse order: the app first, PGlite last. */
const running = [];
let starting = Promise.resolve();
let stopping;

process.on('SIGINT', () => shutDown(0));
process.on('SIGTERM', () => shutDown(0));

try {
  await launch();
} catch (error) {
  // After a Ctrl-C the app's exit is expected, not an error worth a line.
  if (!stopping) console.error(error instanceof LaunchError ? error.message : error);
  await shutDown(1);
}

async function launch() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = { ...process.env };
  const dataDir = resolve(env.LOCAL_DATA_DIR || '.data');
  const redisServerPath = env.REDIS_URL ? undefined : findRedisServer();
  if (!env.REDIS_URL && !redisServerPath) {
    throw new LaunchError(
      'Redis is needed: install it (apt-get install redis-server, brew install redis) so redis-server is on PATH, or set REDIS_URL=redis://host:6379',
    );
  }

  if (isBuildStale(ROOT, MAIN_JS)) {
    say('dist/ is missing or older than the sources: running npm run build');
    await build(ROOT, MAIN_JS);
  }
  if (!env.DATABASE_URL || redisServerPath) await own(() => lockDataDir(dataDir));

  if (!env.DATABASE_URL) {
    const postgres = await own(() => startEmbeddedPostgres(join(dataDir, 'pglite')));
    // PGlite is one session: a pool of one, and no second connection to LISTEN on.
    Object.assign(env, {
      DATABASE_URL: postgres.url,
      DATABASE_POOL_SIZE: '1',
      OUTBOX_LISTEN: 'false',
    });
    say(`PostgreSQL: embedded PGlite at ${postgres.url}, data in ${join(dataDir, 'pglite')}`);
  }
  if (redisServerPath) {
    const redis = await own(async () => startRedisServer(redisServerPath, join(dataDir, 'redis'), await freePort()));
    env.REDIS_URL = redis.url;
    say(`Redis: redis-server (pid ${redis.pid}) at ${redis.url}, data in ${join(dataDir, 'redis')}`);
  }

  env.MIGRATIONS_RUN_ON_START ||= 'true';
  // A local instance is a development one: production-only demands (AUTH_KEY_ENCRYPTION_SECRET) do not apply.
  env.NODE_ENV ||= 'development';
  // A development instance with an embedded database is not for other machines to reach.
  env.HOST ||= '127.0.0.1';
  env.PORT ||= '3000';
  // The launcher probes the port and prints it, so it cannot leave the choice to the app.
  if (env.PORT === '0') env.PORT = String(await freePort());
  const app = await own(() => startApp(MAIN_JS, env));
  app.exited.then(({ code, signal }) => {
    if (stopping) return;
    say(`the app exited (${signal ?? `code ${code}`}); stopping`);
    shutDown(code || 1);
  });

  const baseUrl = `http://${displayHost(env.HOST)}:${env.PORT}`;
  await app.waitUntilReady(baseUrl, READY_TIMEOUT_MS);
  printReady(baseUrl);
}

function printReady(baseUrl) {
  // performance.now() counts from the launcher's own start.
  say(`ready in ${(performance.now() / 1000).toFixed(1)} s on Node ${process.version}`);
  say(`  API           ${baseUrl}/api/v1`);
  say(`  Web console   ${baseUrl}/console`);
  say(`  Swagger UI    ${baseUrl}/docs`);
  say(`  OpenAPI JSON  ${baseUrl}/docs/openapi.json`);
  say(`  Metrics       ${baseUrl}/metrics`);
  say('Ctrl-C stops it.');
}

/**
 * Starts a resource and records it so shutDown stops it. Once a shutdown has
 * begun nothing new starts, and the launch goes no further: the promise
 * returned then never settles.
 */
function own(start) {
  if (stopping) return new Promise(() => {});
  starting = Promise.resolve()
    .then(start)
    .then((resource) => {
      running.push(resource);
      return resource;
    });
  return starting.then((resource) => (stopping ? new Promise(() => {}) : resource));
}

/** Idempotent: npm forwards the terminal's Ctrl-C, so the launcher may see it twice. */
function shutDown(exitCode) {
  stopping ??= (async () => {
    if (exitCode === 0) say('stopping');
    // A resource still starting is stopped too, once it is up.
    await starting.catch(() => undefined);
    for (const resource of running.reverse()) {
      await resource.stop().catch((error) => console.error('[local] could not stop cleanly:', error));
    }
    process.exit(exitCode);
  })();
  return stopping;
}

function displayHost(host) {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function say(line) {
  console.log(`[local] ${line}`);
}
