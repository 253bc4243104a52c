import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from './workflow-database.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const DIAMOND = {
  name: 'diamond',
  tasks: [
    { id: 'extract', type: 'noop', params: { outputs: { rows: 3 } } },
    { id: 'clean', type: 'sleep', params: { ms: 30 }, dependsOn: ['extract'] },
    { id: 'features', type: 'noop', dependsOn: ['extract'], priority: 9 },
    { id: 'train', type: 'sleep', params: { ms: 20 }, dependsOn: ['clean', 'features'] },
    { id: 'report', type: 'noop', params: { outputs: { done: true } }, dependsOn: ['train'] },
  ],
};

describe('workflow runs over HTTP, PostgreSQL and BullMQ', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld();
  });
  afterAll(() => world.app.close());

  it('runs a five-task DAG of noop and sleep tasks to success, each task after its dependencies', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, DIAMOND);
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: {} });
    expect(started.status).toBe(201);
    const run = await waitForRun(owner.client, started.body.id);
    expect(run.state).toBe('succeeded');
    const byId = new Map<string, Json>((run.taskRuns as Json[]).map((taskRun) => [taskRun.taskId, taskRun]));
    expect([...byId.values()].every((taskRun) => taskRun.state === 'succeeded' && taskRun.attempt === 1)).toBe(true);
    for (const task of DIAMOND.tasks) {
      for (const upstream of task.dependsOn ?? []) {
        expect(Date.parse(byId.get(task.id).startedAt)).toBeGreaterThanOrEqual(
          Date.parse(byId.get(upstream).finishedAt),
        );
      }
    }
    expect(byId.get('extract').outputs).toEqual({ rows: 3 });
    expect(byId.get('clean').outputs).toEqual({ sleptMs: 30 });
    expect((run.transitions as Json[]).map((transition) => transition.to)).toEqual(['running', 'succeeded']);
    // The run acts for whoever started it: tasks of other contexts act as them.
    expect(run.actorId).toBe(owner.id);
  });

  it('loses no completion when many tasks of one run finish at once', async () => {
    const { owner, projectId } = world;
    const wide = Array.from({ length: 60 }, (_, index) => ({ id: `t${index}`, type: 'noop', dependsOn: ['start'] }));
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'fan-in',
      tasks: [
        { id: 'start', type: 'noop' },
        ...wide,
        { id: 'join', type: 'noop', dependsOn: wide.map((task) => task.id) },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    const run = await waitForRun(owner.client, started.body.id);
    expect(run.state).toBe('succeeded');
    expect((run.taskRuns as Json[]).filter((taskRun) => taskRun.state === 'succeeded')).toHaveLength(62);
    expect((run.taskRuns as Json[]).every((taskRun) => taskRun.attempt === 1)).toBe(true);
  });

  it('retries a failing task with backoff, then fails the run and marks what follows upstream_failed', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'flaky',
      params: { type: 'object', properties: { ms: { type: 'integer' } } },
      tasks: [
        // A negative wait breaks the sleep type's params schema once rendered: every attempt fails.
        {
          id: 'wait',
          type: 'sleep',
          params: { ms: '${{ params.ms }}' },
          retries: { max: 2, backoff: 'exponential', delayMs: 20 },
        },
        { id: 'after', type: 'noop', dependsOn: ['wait'] },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: { ms: -1 } });
    const run = await waitForRun(owner.client, started.body.id);
    expect(run.state).toBe('failed');
    const [wait, after] = run.taskRuns;
    expect(wait).toMatchObject({ state: 'failed', attempt: 3 });
    expect(wait.error).toMatch(/invalid params/);
    expect(after.state).toBe('upstream_failed');
  });

  it('fails an http task whose name resolves to loopback, without connecting or retrying', async () => {
    const { owner, projectId } = world;
    let connections = 0;
    const server = createServer((_request, response) => response.end('{}')).on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const workflowId = await createWorkflow(owner.client, projectId, {
        name: 'inward',
        tasks: [
          {
            id: 'call',
            type: 'http',
            params: { method: 'GET', url: `http://localhost:${port}/admin` },
            retries: { max: 2, backoff: 'fixed', delayMs: 10 },
          },
        ],
      });
      const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
      const run = await waitForRun(owner.client, started.body.id);
      expect(run.state).toBe('failed');
      // A policy refusal is for good: the retries the task has left are not spent on it.
      expect(run.taskRuns[0]).toMatchObject({ state: 'failed', attempt: 1 });
      expect(run.taskRuns[0].error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it.each([
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'http://10.1.2.3:8080/internal'],
    ['an IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['an IPv4-compatible loopback', 'http://[::7f00:1]/'],
    ['loopback written as a number', 'http://2130706433/'],
  ])('answers 400 to saving an http task aimed at %s, naming the task and field', async (_what, url) => {
    const { owner, projectId } = world;
    const saved = await owner.client.call('POST', `/api/v1/projects/${projectId}/workflows`, {
      name: `inward-${new URL(url).hostname.replace(/[^a-z0-9]/gi, '-')}`,
      tasks: [
        { id: 'prepare', type: 'noop' },
        { id: 'call', type: 'http', params: { method: 'GET', url }, dependsOn: ['prepare'] },
      ],
    });
    expect(saved.status).toBe(400);
    expect(saved.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(saved.body.errors).toEqual([
      { field: 'tasks[1].params.url', message: expect.stringMatching(/^task 'call': .* is not a public address/) },
    ]);
  });

  it('cancels a running run and its task runs', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'slow',
      tasks: [
        { id: 'long', type: 'sleep', params: { ms: 60_000 } },
        { id: 'next', type: 'noop', dependsOn: ['long'] },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    await waitForRun(owner.client, started.body.id, (run) => run.taskRuns[0].state === 'running');
    const cancelled = await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/cancel`, {
      reason: 'not needed',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((cancelled.body.taskRuns as Json[]).map((taskRun) => taskRun.state)).toEqual(['cancelled', 'cancelled']);
    expect((await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/cancel`, {})).status).toBe(409);
  });

  it('answers the same run for the same Idempotency-Key, 201 then 200', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, { ...DIAMOND, name: 'idempotent' });
    const keyed = owner.client.withHeaders({ 'idempotency-key': 'nightly-2026-01-01' });
    const [first, second] = await Promise.all([
      keyed.call('POST', `/api/v1/workflows/${workflowId}/runs`, {}),
      keyed.call('POST', `/api/v1/workflows/${workflowId}/runs`, {}),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const third = await keyed.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    expect(third.status).toBe(200);
    expect(third.body.id).toBe(first.body.id);
    const listed = await owner.client.call('GET', `/api/v1/workflows/${workflowId}/runs`);
    expect(listed.body.items).toHaveLength(1);
  });

  it('refuses an Idempotency-Key sent again with other params with a 422 naming the key', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, { ...DIAMOND, name: 'idempotent-params' });
    const keyed = owner.client.withHeaders({ 'idempotency-key': 'nightly-2026-01-02' });
    const first = await keyed.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: {} });
    expect(first.status).toBe(201);
    const other = await keyed.call('POST', `/api/v1/workflows/${workflowId}/runs`, { version: 2 });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ status: 422, type: expect.stringContaining('idempotency-key-reused') });
    expect(other.body.detail).toContain('nightly-2026-01-02');
    const listed = await owner.client.call('GET', `/api/v1/workflows/${workflowId}/runs`);
    expect(listed.body.items).toHaveLength(1);
  });

  it('lists runs by state and by a creation time window, newest first', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'listed',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
      await waitForRun(owner.client, started.body.id as string);
      ids.push(started.body.id as string);
    }
    const list = async (query: string): Promise<Json> =>
      owner.client.call('GET', `/api/v1/workflows/${workflowId}/runs${query}`);
    const all = (await list('')).body.items as Json[];
    expect(all.map((run) => run.id)).toEqual([...ids].reverse());
    const createdAt = new Map(all.map((run) => [run.id as string, run.createdAt as string]));

    const from = await list(`?createdFrom=${encodeURIComponent(createdAt.get(ids[1])!)}`);
    expect((from.body.items as Json[]).map((run) => run.id)).toEqual([ids[2], ids[1]]);
    const until = await list(`?createdUntil=${encodeURIComponent(createdAt.get(ids[1])!)}&status=succeeded`);
    expect((until.body.items as Json[]).map((run) => run.id)).toEqual([ids[0]]);
    expect((await list('?status=failed')).body.items).toEqual([]);

    const bad = await list('?createdFrom=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'createdFrom' })]);
  });

  it("takes a run's task runs, transitions and log lines with it when its row is deleted", async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'deleted',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const kept = (await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    const deleted = (await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    await waitForRun(owner.client, kept);
    await waitForRun(owner.client, deleted);
    const rowsOf = async (runId: string) =>
      Promise.all(
        ['task_runs', 'transitions', 'task_log_lines'].map(async (table) => {
          const [{ count }] = await sql<{ count: number }>(
            `SELECT count(*)::integer AS count FROM workflow_engine.${table} WHERE run_id = $1`,
            [runId],
          );
          return count;
        }),
      );
    const allThere = (counts: number[]) => counts.every((count) => count > 0);
    expect(allThere(await rowsOf(deleted))).toBe(true);

    await sql('DELETE FROM workflow_engine.runs WHERE id = $1', [deleted]);

    expect(await rowsOf(deleted)).toEqual([0, 0, 0]);
    expect(allThere(await rowsOf(kept))).toBe(true);
  });
});
