import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp, createLogger, loadConfig, RedisConnections } from '@libs/platform';
import { waitFor } from '@libs/testing';
import { AppModule } from '../../src/app.module.js';
import { CONTEXT_NAMES } from '../../src/bounded-contexts.js';
import { CreateWorkflowHandler } from '../../src/contexts/workflow-engine/application/create-workflow/create-workflow.handler.js';
import { StartRunHandler } from '../../src/contexts/workflow-engine/application/start-run/start-run.handler.js';
import type { JsonValue } from '../../src/contexts/workflow-engine/domain/json-value.js';
import { type Figures, type Peers, percentilesOf } from './bench-comparison.js';
import { dropBenchDatabase, freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import { RawBullMq } from './workflow-bench-peer.js';
import { DbosPeer } from './workflow-dbos-peer.js';
import { DurableFloor } from './workflow-durable-floor.js';
import { BenchCpu, type PhaseCpu } from './workflow-cpu.js';
import { ChainProbe } from './workflow-chain-probe.js';
import { reportWorkflowBench } from './workflow-bench-report.js';
import { profiled } from './inspector-profile.js';

/**
 * `npm run bench -- workflow`: the engine running a fan-out/fan-in DAG of noop tasks (tasks/s from
 * the start of the run to its success), then the dispatch latency from a task's completion to its
 * dependent's start over a chain (timed in this process by ChainProbe, as the floor's is); beside,
 * in the same run, with the same worker concurrency and sizes: raw BullMQ (the queue alone, not
 * durable), the durable floor (BullMQ plus one committed row per task) and DBOS Transact (durable
 * workflows on PostgreSQL). DBOS runs last, alone, on a
 * database of its own, after our app stopped: its queue polling would otherwise load the others.
 * The fan-out's CPU per task (this process, and the PostgreSQL server's when it runs on this host) is
 * printed for ours and the durable floor: on a shared host it says more than the rates.
 */
const TASKS = Number(process.env.BENCH_WORKFLOW_TASKS ?? 1000);
const DBOS_DATABASE = 'mlops_bench_dbos';
const CONCURRENCY = 16;
const PROJECT = '01900000-0000-7000-8000-0000000000b1';
// Where CPU profiles of this process over our fan-out and chain go (`fan-out`, `chain`); empty: none.
const CPU_PROF_DIR = (process.env.BENCH_CPU_PROF_DIR ?? '') === '' ? undefined : process.env.BENCH_CPU_PROF_DIR;

function fanOutFanIn(size: number, name = 'bench-fan'): JsonValue {
  const middle = Array.from({ length: size - 2 }, (_, index) => ({
    id: `t${index}`,
    type: 'noop',
    dependsOn: ['root'],
  }));
  const join = { id: 'join', type: 'noop', dependsOn: middle.map((task) => task.id) };
  return { name, tasks: [{ id: 'root', type: 'noop' }, ...middle, join] };
}

function chain(size: number): JsonValue {
  const tasks = Array.from({ length: size }, (_, index) => ({
    id: `c${index}`,
    type: 'noop',
    ...(index > 0 && { dependsOn: [`c${index - 1}`] }),
  }));
  return { name: 'bench-chain', tasks };
}

/**
 * Runs the workflow to its end: from just before the start to the run's success as its transition
 * log dates it (the engine's clock, this process's), so the poll for the end may be slow and load
 * the database little while the run goes.
 */
async function runToEnd(app: NestFastifyApplication, document: JsonValue): Promise<{ runId: string; ms: number }> {
  const created = await app.get(CreateWorkflowHandler).execute({ projectId: PROJECT, body: { json: document } });
  const dataSource = app.get(DataSource);
  const started = Date.now();
  const { runId } = await app.get(StartRunHandler).execute({ workflowId: created.workflowId, params: {} });
  await waitFor(
    async () => {
      const [row] = await dataSource.query<{ state: string }[]>(
        'SELECT state FROM workflow_engine.runs WHERE id = $1',
        [runId],
      );
      if (row.state === 'failed' || row.state === 'cancelled') throw new Error(`bench run ${row.state}`);
      return row.state === 'succeeded';
    },
    { timeoutMs: 600_000, intervalMs: 100, what: 'the bench run' },
  );
  const [{ at }] = await dataSource.query<{ at: Date }[]>(
    `SELECT at FROM workflow_engine.transitions
      WHERE run_id = $1 AND task_run_key IS NULL AND to_state = 'succeeded'`,
    [runId],
  );
  return { runId, ms: at.getTime() - started };
}

async function main(): Promise<void> {
  const databaseUrl = await freshBenchDatabase('mlops_bench_workflow');
  // Context modules read their settings from process.env itself, so the bench's settings go there.
  const env = Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: await freshBenchRedis(),
    APP_CONTEXTS: 'user-management,workflow-engine',
    MIGRATIONS_RUN_ON_START: 'true',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    WORKFLOW_TASK_CONCURRENCY: String(CONCURRENCY),
  });
  const config = loadConfig(env, CONTEXT_NAMES);
  const app = await createApp(AppModule.forRoot(config), config, createLogger(config.logLevel));
  await app.init();
  const connection = app.get(RedisConnections).bullmqOptions();
  const raw = new RawBullMq(connection, CONCURRENCY);
  const floor = new DurableFloor(databaseUrl, connection, CONCURRENCY);
  await floor.prepare();

  const cpu = await BenchCpu.of(app.get(DataSource));
  // Each side runs the fan-out once first, unmeasured: the first run of a code path pays for its
  // compilation (V8's JIT, prepared statements, cached specs), and whichever side ran first paid for
  // code the others share (BullMQ, ioredis, node-postgres). A warm-up of 200 tasks left ours at ~1,060
  // tasks/s where later runs of the same process reached 1,200-1,500.
  await runToEnd(app, fanOutFanIn(TASKS, 'bench-warm-up'));
  await raw.throughput(TASKS);
  await floor.throughput(TASKS);
  const { result: fan, cpu: fanCpu } = await cpu.measure(() =>
    profiled(CPU_PROF_DIR, 'fan-out', () => runToEnd(app, fanOutFanIn(TASKS))),
  );
  const rawThroughput = await raw.throughput(TASKS);
  const { result: floorThroughput, cpu: floorCpu } = await cpu.measure(() => floor.throughput(TASKS));
  const probe = new ChainProbe(app);
  const linked = await profiled(CPU_PROF_DIR, 'chain', () => runToEnd(app, chain(TASKS)));
  probe.detach();
  const ours: Figures = {
    throughput: TASKS / (fan.ms / 1000),
    latency: percentilesOf(probe.latencies(linked.runId, TASKS)),
  };
  const rawChain = await raw.chainLatencies(TASKS);
  const floorChain = await floor.chainLatencies(TASKS);
  await floor.close();
  await app.close();

  const dbos = await DbosPeer.launch(await freshBenchDatabase(DBOS_DATABASE), CONCURRENCY);
  await dbos.throughput(TASKS);
  const dbosThroughput = await dbos.throughput(TASKS);
  const dbosChain = await dbos.chainLatencies(TASKS);
  await dbos.close();
  await dropBenchDatabase(DBOS_DATABASE);

  const peers: Peers<Figures> = {
    raw: { throughput: rawThroughput, latency: percentilesOf(rawChain) },
    durableFloor: { throughput: floorThroughput, latency: percentilesOf(floorChain) },
    dbos: { throughput: dbosThroughput, latency: percentilesOf(dbosChain) },
  };
  const perTask = (phase: PhaseCpu): PhaseCpu => ({
    nodeMs: phase.nodeMs / TASKS,
    ...(phase.postgresMs !== undefined && { postgresMs: phase.postgresMs / TASKS }),
  });
  reportWorkflowBench({ tasks: TASKS, workerConcurrency: CONCURRENCY, chainSeconds: linked.ms / 1000 }, ours, peers, {
    ours: perTask(fanCpu),
    durableFloor: perTask(floorCpu),
  });
}

await main();
