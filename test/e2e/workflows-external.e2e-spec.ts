import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Client } from './user-management/auth-client.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

/** The text of each log line a page holds. */
const linesOf = (page: Json): string[] => (page.items as Json[]).map((item) => item.line as string);

const RUNNER_PERMISSIONS = ['workflow:read', 'workflow:run'];

/** A client holding a fresh API key of `projectId` with the permissions a worker needs. */
async function workerKey(world: WorkflowWorld, projectId: string): Promise<Client> {
  const issued = await world.owner.client.call('POST', '/api/v1/api-keys', {
    name: `worker-${Date.now()}`,
    projectId,
    permissions: RUNNER_PERMISSIONS,
  });
  if (issued.status !== 201) throw new Error(`key answered ${issued.status}: ${JSON.stringify(issued.body)}`);
  return world.anonymous.withToken(issued.body.key as string);
}

async function startRun(world: WorkflowWorld, definition: object): Promise<string> {
  const workflowId = await createWorkflow(world.owner.client, world.projectId, definition);
  const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
  return started.body.id as string;
}

/**
 * Moves the log sequence to two below the next power of ten, so this test's lines cross a digit boundary
 * (9998, 9999, 10000, ...): an order by the text of `seq` would put "10000" first.
 */
async function seqJustBelowAPowerOfTen(world: WorkflowWorld): Promise<void> {
  await world.app.app.get(DataSource).query(
    `SELECT setval(pg_get_serial_sequence('workflow_engine.task_log_lines', 'seq'),
                   power(10, ceil(log(greatest(last_value, 1) + 3)))::bigint - 3)
     FROM workflow_engine.task_log_lines_seq_seq`,
  );
}

describe('external workers claim, heartbeat and report over HTTP', () => {
  let world: WorkflowWorld;
  let worker: Client;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    worker = await workerKey(world, world.projectId);
  });
  afterAll(() => world.app.close());

  const claim = (client: Client, queue: string, extra: object = {}): Promise<{ status: number; body: Json }> =>
    client.call('POST', `/api/v1/projects/${world.projectId}/external-tasks/claim`, {
      queue,
      workerId: 'test-worker',
      waitSeconds: 10,
      ...extra,
    });

  it('hands an external task to a long-polling worker with its params and upstream outputs, and goes on with its outputs', async () => {
    const runId = await startRun(world, {
      name: 'train-outside',
      tasks: [
        { id: 'prepare', type: 'noop', params: { outputs: { rows: 3 } } },
        { id: 'train', type: 'external', params: { queue: 'gpu.training', epochs: 2 }, dependsOn: ['prepare'] },
        {
          id: 'report',
          type: 'noop',
          params: { outputs: { accuracy: '${{ tasks.train.outputs.accuracy }}' } },
          dependsOn: ['train'],
        },
      ],
    });
    const claimed = await claim(worker, 'gpu.training');
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      runId,
      taskId: 'train',
      attempt: 1,
      params: { queue: 'gpu.training', epochs: 2 },
      inputs: { prepare: { rows: 3 } },
    });
    const lease = { leaseToken: claimed.body.leaseToken };
    const path = `/api/v1/external-tasks/${claimed.body.taskRunId}`;
    expect((await worker.call('POST', `${path}/heartbeat`, lease)).status).toBe(200);
    expect((await worker.call('POST', `${path}/complete`, { ...lease, outputs: { accuracy: 0.93 } })).status).toBe(204);

    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('succeeded');
    const report = (run.taskRuns as Json[]).find((taskRun) => taskRun.taskId === 'report');
    expect(report.outputs).toEqual({ accuracy: 0.93 });
    expect((await worker.call('POST', `${path}/complete`, { ...lease, outputs: {} })).status).toBe(409);
  });

  it('answers 204 after the wait when the queue has nothing to claim', async () => {
    const started = Date.now();
    const claimed = await claim(worker, 'empty-queue', { waitSeconds: 1 });
    expect(claimed.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('hands a task whose lease expired to another worker, whose late predecessor then gets 409', async () => {
    const runId = await startRun(world, {
      name: 'lease-expiry',
      tasks: [{ id: 'score', type: 'external', params: { queue: 'scoring' } }],
    });
    const first = await claim(worker, 'scoring', { leaseSeconds: 1, workerId: 'first' });
    expect(first.status).toBe(200);
    const second = await claim(worker, 'scoring', { leaseSeconds: 30, workerId: 'second' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ taskRunId: first.body.taskRunId, attempt: 2 });
    expect(second.body.leaseToken).not.toBe(first.body.leaseToken);

    const path = `/api/v1/external-tasks/${first.body.taskRunId}`;
    const late = await worker.call('POST', `${path}/complete`, {
      leaseToken: first.body.leaseToken,
      outputs: { by: 1 },
    });
    expect(late.status).toBe(409);
    expect((await worker.call('POST', `${path}/heartbeat`, { leaseToken: first.body.leaseToken })).status).toBe(409);
    const done = { leaseToken: second.body.leaseToken, outputs: { by: 2 } };
    expect((await worker.call('POST', `${path}/complete`, done)).status).toBe(204);

    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('succeeded');
    expect(run.taskRuns[0]).toMatchObject({ attempt: 2, outputs: { by: 2 } });
  });

  it('fails the task with the worker error when it fails under its lease', async () => {
    const runId = await startRun(world, {
      name: 'failing-outside',
      tasks: [{ id: 'fit', type: 'external', params: { queue: 'fitting' } }],
    });
    const claimed = await claim(worker, 'fitting');
    const path = `/api/v1/external-tasks/${claimed.body.taskRunId}/fail`;
    expect(
      (await worker.call('POST', path, { leaseToken: claimed.body.leaseToken, error: 'CUDA out of memory' })).status,
    ).toBe(204);
    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('failed');
    expect(run.taskRuns[0]).toMatchObject({ state: 'failed', error: 'CUDA out of memory' });
  });

  it("keeps a project's external tasks from a key of another project", async () => {
    const otherProject = (await world.owner.client.call('POST', '/api/v1/projects', { name: `other-${Date.now()}` }))
      .body.id as string;
    const stranger = await workerKey(world, otherProject);
    const runId = await startRun(world, {
      name: 'private-work',
      tasks: [{ id: 'secret', type: 'external', params: { queue: 'private' } }],
    });
    const intruding = await claim(stranger, 'private', { waitSeconds: 0 });
    expect([403, 404]).toContain(intruding.status);
    const ownQueue = await stranger.call('POST', `/api/v1/projects/${otherProject}/external-tasks/claim`, {
      queue: 'private',
      workerId: 'stranger',
    });
    expect(ownQueue.status).toBe(204);

    const claimed = await claim(worker, 'private');
    expect(claimed.body.runId).toBe(runId);
    const path = `/api/v1/external-tasks/${claimed.body.taskRunId}`;
    const report = await stranger.call('POST', `${path}/complete`, { leaseToken: claimed.body.leaseToken });
    expect(report.status).toBe(404);
    expect((await worker.call('POST', `${path}/complete`, { leaseToken: claimed.body.leaseToken })).status).toBe(204);
  });
  it("keeps a worker's log lines per attempt and pages through them beside the built-in tasks' lines", async () => {
    const runId = await startRun(world, {
      name: 'logged-work',
      tasks: [
        { id: 'fit', type: 'external', params: { queue: 'logged' } },
        { id: 'after', type: 'noop', dependsOn: ['fit'] },
      ],
    });
    const claimed = await claim(worker, 'logged');
    const path = `/api/v1/external-tasks/${claimed.body.taskRunId}`;
    const leaseToken = claimed.body.leaseToken;
    await seqJustBelowAPowerOfTen(world);
    const lines = Array.from({ length: 5 }, (_, index) => `epoch ${index + 1}`);
    expect((await worker.call('POST', `${path}/logs`, { leaseToken, lines: lines.slice(0, 3) })).status).toBe(204);
    expect((await worker.call('POST', `${path}/logs`, { leaseToken, lines: lines.slice(3) })).status).toBe(204);
    const forged = await worker.call('POST', `${path}/logs`, { leaseToken: runId, lines: ['not mine'] });
    expect(forged.status).toBe(409);
    expect((await worker.call('POST', `${path}/complete`, { leaseToken })).status).toBe(204);
    expect((await waitForRun(world.owner.client, runId)).state).toBe('succeeded');

    const logs = `/api/v1/workflow-runs/${runId}/tasks`;
    const first = await world.owner.client.call('GET', `${logs}/fit/logs?attempt=1&limit=2`);
    expect(first.status).toBe(200);
    expect(linesOf(first.body)).toEqual(['epoch 1', 'epoch 2']);
    const rest = await world.owner.client.call('GET', `${logs}/fit/logs?limit=10&cursor=${first.body.nextCursor}`);
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect((rest.body.items as Json[]).map((item) => [item.attempt, item.line])).toEqual([
      [1, 'epoch 3'],
      [1, 'epoch 4'],
      [1, 'epoch 5'],
    ]);
    expect((await world.owner.client.call('GET', `${logs}/fit/logs?attempt=2`)).body.items).toEqual([]);
    const builtIn = await world.owner.client.call('GET', `${logs}/after/logs`);
    expect(linesOf(builtIn.body)).toEqual(['started noop task, attempt 1', 'succeeded']);
    expect((await world.anonymous.call('GET', `${logs}/after/logs`)).status).toBe(401);
  });
  it('hands each task to exactly one of many concurrent claimers', async () => {
    const tasks = Array.from({ length: 6 }, (_, index) => ({
      id: `shard${index}`,
      type: 'external',
      params: { queue: 'sharded', shard: index },
    }));
    const runId = await startRun(world, { name: 'sharded', tasks });
    const claims = await Promise.all(tasks.map((_, index) => claim(worker, 'sharded', { workerId: `w${index}` })));
    expect(claims.map((claimed) => claimed.status)).toEqual(tasks.map(() => 200));
    expect(new Set(claims.map((claimed) => claimed.body.taskRunId as string)).size).toBe(tasks.length);
    expect((await claim(worker, 'sharded', { waitSeconds: 0 })).status).toBe(204);
    for (const claimed of claims) {
      const done = { leaseToken: claimed.body.leaseToken, outputs: { shard: claimed.body.params.shard } };
      expect(
        (await worker.call('POST', `/api/v1/external-tasks/${claimed.body.taskRunId}/complete`, done)).status,
      ).toBe(204);
    }
    expect((await waitForRun(world.owner.client, runId)).state).toBe('succeeded');
  });

  it('offers a failed attempt again under its retry policy, as the next attempt', async () => {
    const runId = await startRun(world, {
      name: 'retried-outside',
      tasks: [
        {
          id: 'flaky',
          type: 'external',
          params: { queue: 'flaky' },
          retries: { max: 1, backoff: 'fixed', delayMs: 50 },
        },
      ],
    });
    const first = await claim(worker, 'flaky');
    const path = `/api/v1/external-tasks/${first.body.taskRunId}`;
    expect(
      (await worker.call('POST', `${path}/fail`, { leaseToken: first.body.leaseToken, error: 'spot instance lost' }))
        .status,
    ).toBe(204);
    const second = await claim(worker, 'flaky');
    expect(second.body).toMatchObject({ taskRunId: first.body.taskRunId, attempt: 2 });
    expect((await worker.call('POST', `${path}/complete`, { leaseToken: second.body.leaseToken })).status).toBe(204);
    expect((await waitForRun(world.owner.client, runId)).state).toBe('succeeded');
  });

  it('keeps a task with its worker while heartbeats renew the lease', async () => {
    const runId = await startRun(world, {
      name: 'long-training',
      tasks: [{ id: 'train', type: 'external', params: { queue: 'long' } }],
    });
    const claimed = await claim(worker, 'long', { leaseSeconds: 1 });
    const path = `/api/v1/external-tasks/${claimed.body.taskRunId}`;
    const lease = { leaseToken: claimed.body.leaseToken };
    for (let beat = 0; beat < 3; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await worker.call('POST', `${path}/heartbeat`, lease)).status).toBe(200);
    }
    expect((await claim(worker, 'long', { waitSeconds: 0 })).status).toBe(204);
    expect((await worker.call('POST', `${path}/complete`, lease)).status).toBe(204);
    expect((await waitForRun(world.owner.client, runId)).state).toBe('succeeded');
  });
  it('settles a cached external task from the cache at the next claim, without handing it out', async () => {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'cached-outside',
      tasks: [{ id: 'embed', type: 'external', params: { queue: 'cached', corpus: 'v1' }, cache: { ttlSeconds: 600 } }],
    });
    const startRunOf = async (): Promise<string> =>
      (await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    const firstRun = await startRunOf();
    const claimed = await claim(worker, 'cached');
    const done = { leaseToken: claimed.body.leaseToken, outputs: { vectors: 42 } };
    expect((await worker.call('POST', `/api/v1/external-tasks/${claimed.body.taskRunId}/complete`, done)).status).toBe(
      204,
    );
    expect((await waitForRun(world.owner.client, firstRun)).state).toBe('succeeded');

    const secondRun = await startRunOf();
    expect((await claim(worker, 'cached', { waitSeconds: 1 })).status).toBe(204);
    const run = await waitForRun(world.owner.client, secondRun);
    expect(run.state).toBe('succeeded');
    expect(run.taskRuns[0]).toMatchObject({ outputs: { vectors: 42 }, attempt: 1, reusedFrom: 'cache' });
  });
});
