import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { verify as nativeVerify, hashSync as nativeHashSync } from '@node-rs/bcrypt';
import bcrypt from 'bcryptjs';
import { AppProcess } from '@libs/testing';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import { percentile, reportResult, round } from './bench-result.js';

/**
 * `npm run bench -- login`: logins per second through the whole platform (HTTP, validation,
 * brute-force counters, PostgreSQL, Redis session, ES256 signing, bcryptjs on worker threads)
 * against the bare bcryptjs compare loop at the same cost on every core, in the same run; and the
 * event-loop delay p99 of the app (prom-client's monitorEventLoopDelay) and the /health/live
 * latency under that login load against idle. Native @node-rs/bcrypt is printed for reference.
 */
const COST = Number(process.env.BENCH_BCRYPT_COST ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CORES = availableParallelism();
const CLIENTS = CORES * 2;
const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const ADMIN = { email: 'bench-admin@example.com', password: 'bench admin long passphrase' };

/** What the platform's hasher feeds bcrypt: the SHA-256 of the password, in base64. */
const material = (password: string): string => createHash('sha256').update(password, 'utf8').digest('base64');

async function main(): Promise<void> {
  const app = await AppProcess.start(
    MAIN,
    {
      DATABASE_URL: await freshBenchDatabase('mlops_bench_login'),
      REDIS_URL: await freshBenchRedis(),
      APP_CONTEXTS: 'user-management',
      MIGRATIONS_RUN_ON_START: 'true',
      NODE_ENV: 'development',
      BCRYPT_COST: String(COST),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    { waitUntilReady: false },
  );
  try {
    await app.waitUntilReady(60_000);
    const idle = await measureIdle(app.url);
    // The peer runs before and after ours and is averaged, so drift in the machine's load
    // (other processes on a shared host) does not all land on one side of the ratio.
    const peerBefore = await bareCompareLoop();
    const load = await measureLogins(app.url);
    const peerAfter = await bareCompareLoop();
    const peer = (peerBefore + peerAfter) / 2;
    const native = await nativeCompares();
    reportResult({
      name: 'login',
      ours: round(load.loginsPerSecond),
      peer: round(peer),
      unit: 'logins/s vs bare bcryptjs compares/s',
      ratio: round(load.loginsPerSecond / peer, 3),
      peerRuns: [round(peerBefore), round(peerAfter)],
      bcryptCost: COST,
      cores: CORES,
      seconds: SECONDS,
      clients: CLIENTS,
      failedLogins: load.failures,
      eventLoopDelayP99Ms: {
        idle: round(idle.eventLoopP99Ms),
        underLogin: round(load.eventLoopP99Ms),
        ratio: round(load.eventLoopP99Ms / idle.eventLoopP99Ms, 2),
      },
      healthLiveLatencyP99Ms: { idle: round(idle.liveP99Ms), underLogin: round(load.liveP99Ms) },
      nativeNodeRsBcryptComparesPerSecond: round(native),
    });
  } finally {
    await app.stop();
  }
}

async function measureIdle(url: string): Promise<{ eventLoopP99Ms: number; liveP99Ms: number }> {
  await eventLoopP99Ms(url);
  const deadline = Date.now() + SECONDS * 1000;
  const live = await probeLive(url, () => Date.now() < deadline);
  return { liveP99Ms: percentile(live, 99), eventLoopP99Ms: await eventLoopP99Ms(url) };
}

async function measureLogins(
  url: string,
): Promise<{ loginsPerSecond: number; failures: number; eventLoopP99Ms: number; liveP99Ms: number }> {
  await eventLoopP99Ms(url);
  let logins = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  const live = probeLive(url, () => Date.now() < deadline);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        const response = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        await response.arrayBuffer();
        if (response.status === 200) logins += 1;
        else failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    loginsPerSecond: logins / seconds,
    failures,
    eventLoopP99Ms: await eventLoopP99Ms(url),
    liveP99Ms: percentile(await live, 99),
  };
}

/** GET /health/live 20 times a second while `running`; their latencies in ms. */
async function probeLive(url: string, running: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (running()) {
    const started = performance.now();
    await (await fetch(`${url}/health/live`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}

/** prom-client resets the event-loop histogram on each scrape, so a scrape reads the time since the last. */
async function eventLoopP99Ms(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const line = metrics.split('\n').find((entry) => entry.startsWith('nodejs_eventloop_lag_p99_seconds'));
  return Number(line?.split(' ')[1]) * 1000;
}

/** The peer: bcryptjs compareSync in a tight loop on one worker thread per core. */
async function bareCompareLoop(): Promise<number> {
  const hash = bcrypt.hashSync(material(ADMIN.password), COST);
  const bcryptPath = createRequire(import.meta.url).resolve('bcryptjs');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const bcrypt = require(workerData.bcryptPath);
    const deadline = Date.now() + workerData.seconds * 1000;
    let compares = 0;
    while (Date.now() < deadline) { bcrypt.compareSync(workerData.material, workerData.hash); compares += 1; }
    parentPort.postMessage(compares);`;
  const started = performance.now();
  const counts = await Promise.all(
    Array.from(
      { length: CORES },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(source, {
            eval: true,
            workerData: { bcryptPath, seconds: SECONDS, material: material(ADMIN.password), hash },
          });
          worker.once('message', (count: number) => void worker.terminate().then(() => resolve(count)));
          worker.once('error', reject);
        }),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0) / ((performance.now() - started) / 1000);
}

/** Reference only: native bcrypt (Rust) at the same cost, on its own thread pool, as many at once as cores. */
async function nativeCompares(): Promise<number> {
  const hash = nativeHashSync(material(ADMIN.password), COST);
  let compares = 0;
  const started = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CORES }, async () => {
      while (Date.now() < deadline) {
        await nativeVerify(material(ADMIN.password), hash);
        compares += 1;
      }
    }),
  );
  return compares / ((performance.now() - started) / 1000);
}

await main();
