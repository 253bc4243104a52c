import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { newUser } from './user-management/auth-client.js';
import { RUN_SUCCEEDED, succeededEventOf, triggerHandled } from './workflow-events.js';
import { createWorkflow, runsOf, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

const EVERY_SECOND = { cron: '* * * * * *', timezone: 'UTC', catchUp: 'latest' };

describe('pausing a workflow', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld({ WORKFLOW_SCHEDULE_POLL_MS: '100' });
  });
  afterAll(() => world.app.close());

  it('stops its schedule while paused, and catches the latest missed slot up at unpause', async () => {
    const { owner, projectId } = world;
    const paused = await createWorkflow(owner.client, projectId, {
      name: 'paused-every-second',
      schedule: EVERY_SECOND,
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const pausing = await owner.client.call('POST', `/api/v1/workflows/${paused}/pause`);
    expect(pausing.status).toBe(200);
    expect(pausing.body).toMatchObject({ id: paused, paused: true, version: 1 });
    expect(Date.parse(pausing.body.pausedAt as string)).not.toBeNaN();
    // The control: the same schedule, not paused, fires twice meanwhile.
    const active = await createWorkflow(owner.client, projectId, {
      name: 'active-every-second',
      schedule: EVERY_SECOND,
      tasks: [{ id: 'a', type: 'noop' }],
    });
    await waitFor(async () => (await runsOf(owner.client, active)).length >= 2 || undefined, {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'two runs of the active schedule',
    });
    expect(await runsOf(owner.client, paused)).toEqual([]);

    const unpausing = await owner.client.call('POST', `/api/v1/workflows/${paused}/unpause`);
    expect(unpausing.body).toMatchObject({ paused: false, pausedAt: null });
    const [caughtUp] = await waitFor(
      async () => {
        const runs = await runsOf(owner.client, paused);
        return runs.length > 0 ? runs : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: 'the caught-up run' },
    );
    const run = await waitForRun(owner.client, caughtUp.id as string);
    expect(run.trigger).toMatchObject({ kind: 'schedule' });
    await owner.client.call('POST', `/api/v1/workflows/${active}/pause`);
    await owner.client.call('POST', `/api/v1/workflows/${paused}/pause`);
  });

  it('passes over the events that would trigger it while paused, and runs by hand still start', async () => {
    const { owner, projectId } = world;
    const upstream = await createWorkflow(owner.client, projectId, {
      name: 'upstream',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const downstream = await createWorkflow(owner.client, projectId, {
      name: 'downstream',
      triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${upstream}'` }],
      tasks: [{ id: 'b', type: 'noop' }],
    });
    await owner.client.call('POST', `/api/v1/workflows/${downstream}/pause`);
    const first = (await owner.client.call('POST', `/api/v1/workflows/${upstream}/runs`, {})).body.id as string;
    expect((await waitForRun(owner.client, first)).state).toBe('succeeded');
    await triggerHandled(
      world.app.config.redisUrl,
      (await succeededEventOf(world.app.config.redisUrl, first)).envelope.id as string,
    );
    expect(await runsOf(owner.client, downstream)).toEqual([]);

    const byHand = await owner.client.call('POST', `/api/v1/workflows/${downstream}/runs`, {});
    expect(byHand.status).toBe(201);
    expect((await waitForRun(owner.client, byHand.body.id as string)).state).toBe('succeeded');

    await owner.client.call('POST', `/api/v1/workflows/${downstream}/unpause`);
    const second = (await owner.client.call('POST', `/api/v1/workflows/${upstream}/runs`, {})).body.id as string;
    await waitForRun(owner.client, second);
    const [triggered] = await waitFor(
      async () => {
        const runs = await runsOf(owner.client, downstream);
        return runs.length > 1 ? runs : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: 'the run triggered after unpause' },
    );
    const run = await waitForRun(owner.client, triggered.id as string);
    expect(run.trigger).toMatchObject({ kind: 'event', type: RUN_SUCCEEDED, payload: { runId: second } });
  });

  it('keeps the version when asked twice, and needs workflow:write in the workflow project', async () => {
    const { owner, projectId, admin, anonymous } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'guarded',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const once = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/pause`);
    const twice = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/pause`);
    expect(twice.body.pausedAt).toBe(once.body.pausedAt);
    expect(twice.headers.get('etag')).toBe(once.headers.get('etag'));

    const viewer = await newUser(admin, anonymous);
    await owner.client.call('PUT', `/api/v1/projects/${projectId}/members/${viewer.id}`, { role: 'viewer' });
    expect((await viewer.client.call('POST', `/api/v1/workflows/${workflowId}/unpause`)).status).toBe(403);
    const stranger = await newUser(admin, anonymous);
    const refused = await stranger.client.call('POST', `/api/v1/workflows/${workflowId}/unpause`);
    expect(refused.status).toBe(404);
    expect((await owner.client.call('GET', `/api/v1/workflows/${workflowId}`)).body.paused).toBe(true);
  });
});
