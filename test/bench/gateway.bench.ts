import { fileURLToPath } from 'node:url';
import { AppProcess, waitFor } from '@libs/testing';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import { reportResult, round } from './bench-result.js';
import { BENCH_ADMIN, modelListCall } from './model-list-call.js';
import { closedLoop, medianRun, warmUp, type HttpCall, type LoadFigures } from './http-load.js';
import { processCpuMs } from './process-cpu.js';

/**
 * `npm run bench -- gateway`: requests/s and latency of an authenticated read route (GET a
 * project's models with a bearer token: JWT check, permission guard, PostgreSQL) called through a
 * gateway process (APP_CONTEXTS=api-gateway) that forwards it to the instance hosting the registry,
 * against the same route called directly on that instance, in the same run (issue 15's goals:
 * >= 0.6x requests/s, added p50 <= 1 ms). The same load goes to one then the other, ROUNDS times,
 * the first side alternating, and the median round of each is kept.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 16;
const GOALS = { ratioAtLeast: 0.6, addedP50MsAtMost: 1 };
const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));

async function main(): Promise<void> {
  const env = {
    DATABASE_URL: await freshBenchDatabase('mlops_bench_gateway'),
    REDIS_URL: await freshBenchRedis(),
    MIGRATIONS_RUN_ON_START: 'true',
    NODE_ENV: 'development',
    BCRYPT_COST: '4',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    GATEWAY_REGISTRY_POLL_MS: '200',
  };
  const instance = await AppProcess.start(MAIN, { ...env, APP_CONTEXTS: 'user-management,model-registry' });
  const gateway = await AppProcess.start(MAIN, { ...env, APP_CONTEXTS: 'api-gateway' }).catch(async (error) => {
    await instance.stop();
    throw error;
  });
  const runs = { gateway: [] as LoadFigures[], direct: [] as LoadFigures[] };
  // Less moved by the host's load than requests/s: the gateway's own CPU per forwarded request.
  const gatewayCpu: number[] = [];
  const instanceCpu: number[] = [];
  try {
    const direct = await modelListCall(instance.url);
    const routed: HttpCall = { ...direct, url: direct.url.replace(instance.url, gateway.url) };
    await waitFor(async () => (await fetch(routed.url, { headers: routed.headers })).ok, {
      timeoutMs: 30_000,
      what: 'the route forwarded by the gateway',
    });
    await warmUp(direct, CLIENTS);
    await warmUp(routed, CLIENTS);
    for (let turn = 0; turn < ROUNDS; turn += 1) {
      const sides = [
        async () => {
          const before = await processCpuMs(gateway.child.pid!);
          const figures = await closedLoop(routed, CLIENTS, SECONDS);
          gatewayCpu.push(round(((await processCpuMs(gateway.child.pid!)) - before) / figures.requests, 3));
          runs.gateway.push(figures);
        },
        async () => {
          const before = await processCpuMs(instance.child.pid!);
          const figures = await closedLoop(direct, CLIENTS, SECONDS);
          instanceCpu.push(round(((await processCpuMs(instance.child.pid!)) - before) / figures.requests, 3));
          runs.direct.push(figures);
        },
      ];
      for (const side of turn % 2 === 0 ? sides : sides.reverse()) await side();
    }
  } finally {
    await Promise.all([gateway.stop(), instance.stop()]);
  }
  const [through, direct] = [medianRun(runs.gateway), medianRun(runs.direct)];
  const ratio = round(through.requestsPerSecond / direct.requestsPerSecond, 3);
  const addedP50Ms = round(through.p50Ms - direct.p50Ms, 3);
  reportResult({
    name: 'gateway',
    ours: through.requestsPerSecond,
    peer: direct.requestsPerSecond,
    unit: `requests/s, GET /api/v1/projects/{id}/models with a token, through the gateway vs direct, ${CLIENTS} clients (median rounds)`,
    ratio,
    peers: { direct: direct.requestsPerSecond },
    ratios: { direct: ratio },
    addedLatencyMs: { p50: addedP50Ms, p99: round(through.p99Ms - direct.p99Ms, 3) },
    cpuMsPerRequest: { gateway: middle(gatewayCpu), instanceServingDirectly: middle(instanceCpu) },
    gateway: through,
    direct,
    runs: {
      gateway: runs.gateway.map((run) => run.requestsPerSecond),
      direct: runs.direct.map((run) => run.requestsPerSecond),
    },
    failedRequests: [...runs.gateway, ...runs.direct].reduce((sum, run) => sum + run.failures, 0),
    rounds: ROUNDS,
    seconds: SECONDS,
    goals: GOALS,
    goalsMet: ratio >= GOALS.ratioAtLeast && addedP50Ms <= GOALS.addedP50MsAtMost,
  });
}

const middle = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await main();
