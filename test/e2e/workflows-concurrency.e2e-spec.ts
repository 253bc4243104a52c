import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from './workflow-database.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const gateOf = (run: Json): Json => (run.taskRuns as Json[]).find((taskRun) => taskRun.taskId === 'gate');
const waiting = (run: Json): boolean => run.state === 'running' && gateOf(run)?.state === 'waiting_for_approval';

describe('concurrency policies at run start', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    // A short reconcile interval: the reconciler is what starts queued runs after a crash.
    world = await startWorkflowWorld({ WORKFLOW_RECONCILE_INTERVAL_MS: '200' });
  });
  afterAll(() => world.app.close());

  /** A workflow whose runs wait at an approval gate until the test lets them go. */
  const gated = (name: string, policy: string) =>
    createWorkflow(world.owner.client, world.projectId, {
      name,
      concurrency: { limit: 1, policy },
      tasks: [{ id: 'gate', type: 'approval' }],
    });
  const start = (workflowId: string) => world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
  const approve = (runId: string) =>
    world.owner.client.call('POST', `/api/v1/workflow-runs/${runId}/tasks/gate/approval`, { decision: 'approve' });

  it('queue: holds a run over the limit in state queued and starts it when the active run ends', async () => {
    const workflowId = await gated('queued-policy', 'queue');
    const first = await start(workflowId);
    await waitForRun(world.owner.client, first.body.id as string, waiting);
    const second = await start(workflowId);
    const third = await start(workflowId);
    expect([second.status, second.body.state, third.body.state]).toEqual([201, 'queued', 'queued']);

    expect((await approve(first.body.id as string)).status).toBe(200);
    expect((await waitForRun(world.owner.client, first.body.id as string)).state).toBe('succeeded');
    // The oldest queued run takes the slot; the other keeps waiting behind it.
    await waitForRun(world.owner.client, second.body.id as string, waiting);
    const stillQueued = await world.owner.client.call('GET', `/api/v1/workflow-runs/${third.body.id}`);
    expect(stillQueued.body.state).toBe('queued');

    await approve(second.body.id as string);
    await waitForRun(world.owner.client, third.body.id as string, waiting);
    await approve(third.body.id as string);
    expect((await waitForRun(world.owner.client, third.body.id as string)).state).toBe('succeeded');
  });

  it('queue: the reconciler starts a queued run whose slot was freed by a crash before the next start', async () => {
    const workflowId = await gated('queued-after-crash', 'queue');
    const first = await start(workflowId);
    await waitForRun(world.owner.client, first.body.id as string, waiting);
    const second = await start(workflowId);
    expect(second.body.state).toBe('queued');
    // What a crash right after the first run's end leaves behind: the run ended, nobody started the next.
    await sql("UPDATE workflow_engine.runs SET state = 'failed' WHERE id = $1", [first.body.id]);
    await waitForRun(world.owner.client, second.body.id as string, waiting);
  });

  it('skip: refuses a run over the limit with 409 concurrency-limit-reached and creates nothing', async () => {
    const workflowId = await gated('skip-policy', 'skip');
    const first = await start(workflowId);
    await waitForRun(world.owner.client, first.body.id as string, waiting);
    const refused = await start(workflowId);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toMatch(/\/concurrency-limit-reached$/);
    const runs = await world.owner.client.call('GET', `/api/v1/workflows/${workflowId}/runs`);
    expect((runs.body.items as Json[]).map((run) => run.id)).toEqual([first.body.id]);

    await approve(first.body.id as string);
    await waitForRun(world.owner.client, first.body.id as string);
    const after = await start(workflowId);
    expect([after.status, after.body.state]).toEqual([201, 'running']);
  });

  it('cancel-running: cancels the oldest active run to make room, then starts the new one', async () => {
    const workflowId = await gated('cancel-policy', 'cancel-running');
    const first = await start(workflowId);
    await waitForRun(world.owner.client, first.body.id as string, waiting);
    const second = await start(workflowId);
    expect([second.status, second.body.state]).toEqual([201, 'running']);
    const cancelled = await waitForRun(world.owner.client, first.body.id as string);
    expect(cancelled.state).toBe('cancelled');
    expect((cancelled.transitions as Json[]).at(-1).reason).toContain(second.body.id);
    await waitForRun(world.owner.client, second.body.id as string, waiting);
  });
});
