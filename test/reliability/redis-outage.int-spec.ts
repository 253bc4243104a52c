import { afterEach, describe, expect, it } from '@jest/globals';
import type { ModelRegistryEvents } from '@contexts/model-registry';
import { newId } from '@libs/ddd';
import { Outbox } from '@libs/messaging';
import { waitFor, type AppProcess } from '@libs/testing';
import { DataSource } from 'typeorm';
import { Client } from '../e2e/user-management/auth-client.js';
import { RUN_SUCCEEDED } from '../e2e/workflow-events.js';
import { PrivateRedis } from '../support/private-redis.js';
import { clientOf, projectOwner, startPlatform, type ProjectOwner } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const PARENT_RUNS = 6;
const APPROVED = 'model-registry.model-version.approved.v1';
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
/** What ADR 0008 promises: readiness says 503 within 2 s while Redis is gone, 200 within 10 s after. */
const NOT_READY_WITHIN_MS = 2000;
const READY_AGAIN_WITHIN_MS = 10_000;

/**
 * Fast consumers and retries, so recovery is measured, not the defaults' patience. The model registry
 * is hosted too: a trigger listens to its approvals, written to its outbox.
 */
const PLATFORM_ENV = {
  APP_CONTEXTS: 'user-management,workflow-engine,model-registry',
  EVENTS_CONSUMER_BLOCK_MS: '500',
  EVENTS_RETRY_IDLE_MS: '1000',
  WORKFLOW_TASK_LOCK_MS: '2000',
  WORKFLOW_RECONCILE_INTERVAL_MS: '5000',
};

interface Outage {
  readonly name: string;
  begin(redis: PrivateRedis): Promise<void> | void;
}

const OUTAGES: Outage[] = [
  { name: 'stopped with SHUTDOWN NOSAVE', begin: (redis) => redis.shutdownNoSave() },
  { name: 'frozen with SIGSTOP', begin: (redis) => redis.freeze() },
];

describe.each(OUTAGES)('the platform while its Redis is $name, then back empty', (outage) => {
  let redis: PrivateRedis | undefined;
  let app: AppProcess | undefined;
  let dataSource: DataSource | undefined;

  afterEach(async () => {
    await app?.kill();
    await redis?.close();
    await dataSource?.destroy();
  });

  it('answers 503 quickly throughout, is ready again within 10 s, and loses and repeats no run or event', async () => {
    redis = await PrivateRedis.start();
    app = await startPlatform({ ...PLATFORM_ENV, REDIS_URL: redis.url }, { waitUntilReady: false });
    // Boot time is not what this test measures; a busy CI machine may take longer than the usual 20 s.
    await app.waitUntilReady(60_000);
    dataSource = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 1 }).initialize();
    const world = await projectOwner(app);
    const workflows = await createWorkflows(clientOf(world.owner, app), world.projectId);
    const parentRuns = await Promise.all(
      Array.from({ length: PARENT_RUNS }, async () => {
        const started = await clientOf(world.owner, app!).call(
          'POST',
          `/api/v1/workflows/${workflows.parent}/runs`,
          {},
        );
        expect(started.status).toBe(201);
        return started.body.id as string;
      }),
    );
    // Load in flight: some parents wait for their child run when Redis goes.
    await waitFor(async () => (await runsOf(clientOf(world.owner, app!), workflows.child)).length > 0, {
      timeoutMs: 30_000,
      what: 'a child run',
    });

    await outage.begin(redis);
    await waitFor(async () => (await probe(app!.url, '/health/ready')).status === 503, {
      timeoutMs: 5000,
      what: 'readiness to notice the outage',
    });
    const during = [];
    for (let index = 0; index < 5; index += 1) {
      during.push(await probe(app.url, '/health/ready'));
      during.push(
        await probe(app.url, '/api/v1/auth/login', { email: world.owner.email, password: world.owner.password }),
      );
      during.push(await probe(app.url, '/api/v1/users/me', undefined, world.owner.tokens.accessToken));
    }
    expect(during.filter((answer) => answer.status !== 503 || answer.ms >= NOT_READY_WITHIN_MS)).toEqual([]);
    expect(during.filter((answer) => !answer.contentType?.startsWith('application/problem+json'))).toEqual([]);
    const slowestMs = Math.max(...during.map((answer) => answer.ms));
    const notReady = (await (await fetch(`${app.url}/health/ready`)).json()) as { detail: string };
    expect(notReady.detail).toMatch(/^Not ready: .*redis/);
    // A producer whose commit lands while Redis is gone: its event waits in the outbox.
    const approvalEventId = await publishApproval(dataSource, world);

    await redis.kill();
    await redis.restartEmpty();
    const back = Date.now();
    await waitFor(async () => (await probe(app!.url, '/health/ready')).status === 200, {
      timeoutMs: READY_AGAIN_WITHIN_MS,
      intervalMs: 100,
      what: 'readiness after Redis came back empty',
    });
    const readyAfterMs = Date.now() - back;

    // Sessions lived in the lost Redis: the owner signs in again.
    const anonymous = new Client(app.url);
    const owner = anonymous.withToken((await anonymous.login(world.owner.email, world.owner.password)).accessToken);
    const finished = await waitFor(
      async () => {
        const runs = await Promise.all(Object.values(workflows).map((id) => runsOf(owner, id)));
        const [parents, children, chained, approved] = runs;
        const settled =
          parents.length === PARENT_RUNS &&
          children.length === PARENT_RUNS &&
          chained.length >= PARENT_RUNS &&
          approved.length >= 1 &&
          runs.flat().every((run) => FINISHED.has(run.state as string));
        return settled ? { parents, children, chained, approved } : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'every run to finish and every event to start its run' },
    );

    expect(finished.parents.map((run: Json) => run.state)).toEqual(parentRuns.map(() => 'succeeded'));
    expect(finished.children.map((run: Json) => run.state)).toEqual(parentRuns.map(() => 'succeeded'));
    // Each parent's success event started one chained run, the approval one run: none was handled twice.
    const chainedTriggers = await Promise.all(finished.chained.map((run: Json) => triggerOf(owner, run.id)));
    expect(chainedTriggers.map((trigger) => trigger.payload.runId).sort()).toEqual([...parentRuns].sort());
    expect(finished.approved).toHaveLength(1);
    const approvedTriggers = await Promise.all(finished.approved.map((run: Json) => triggerOf(owner, run.id)));
    expect(approvedTriggers[0].payload.comment).toBe(approvalEventId);
    // Each consumer made its group again once, instead of failing on NOGROUP until a restart.
    expect(app.logs).toMatch(/is gone \(Redis lost its data\); creating it again/);
    expect(app.logs.match(/Consuming \S+ failed: NOGROUP/g) ?? []).toEqual([]);
    // eslint-disable-next-line no-console -- the figure this run measured, for whoever reads the test output
    console.log(
      `Redis ${outage.name}: 503 answers took at most ${slowestMs} ms; ready ${readyAfterMs} ms after it came back empty`,
    );
  }, 180_000);
});

interface Workflows {
  readonly parent: string;
  readonly child: string;
  readonly chained: string;
  readonly approved: string;
}

/** A parent that runs a child workflow, a workflow its success triggers, and one an approval triggers. */
async function createWorkflows(client: Client, projectId: string): Promise<Workflows> {
  const create = async (definition: object): Promise<string> => {
    const created = await client.call('POST', `/api/v1/projects/${projectId}/workflows`, definition);
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
    return created.body.id as string;
  };
  const child = await create({ name: 'child', tasks: [{ id: 'work', type: 'sleep', params: { ms: 1500 } }] });
  const parent = await create({
    name: 'parent',
    tasks: [
      { id: 'prepare', type: 'sleep', params: { ms: 300 } },
      { id: 'delegate', type: 'workflow', dependsOn: ['prepare'], params: { workflowId: child } },
      { id: 'finish', type: 'noop', dependsOn: ['delegate'] },
    ],
  });
  const chained = await create({
    name: 'chained',
    triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${parent}'` }],
    tasks: [{ id: 'report', type: 'noop' }],
  });
  const approved = await create({
    name: 'on-approval',
    triggers: [{ event: APPROVED }],
    tasks: [{ id: 'deploy', type: 'noop' }],
  });
  return { parent, child, chained, approved };
}

/** Writes an approval event to the model registry's outbox, as the registry does in its transaction. */
async function publishApproval(dataSource: DataSource, world: ProjectOwner): Promise<string> {
  const outbox = new Outbox<ModelRegistryEvents>('model-registry', 'model_registry');
  const marker = `approved during the outage ${newId()}`;
  const modelId = newId();
  await dataSource.transaction((manager) =>
    outbox.publish(
      manager,
      APPROVED,
      {
        modelId,
        projectId: world.projectId,
        versionId: newId(),
        versionNumber: 2,
        decidedBy: world.owner.id,
        comment: marker,
      },
      { aggregateId: modelId },
    ),
  );
  return marker;
}

interface Answer {
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly contentType: string | null;
}

/** One request, timed; a GET, or a POST of `body`. */
async function probe(baseUrl: string, path: string, body?: object, token?: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      ...(body && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer();
  return { path, status: response.status, ms: Date.now() - started, contentType: response.headers.get('content-type') };
}

async function runsOf(client: Client, workflowId: string): Promise<Json[]> {
  return ((await client.call('GET', `/api/v1/workflows/${workflowId}/runs?limit=100`)).body?.items ?? []) as Json[];
}

async function triggerOf(client: Client, runId: string): Promise<Json> {
  return (await client.call('GET', `/api/v1/workflow-runs/${runId}`)).body.trigger;
}
