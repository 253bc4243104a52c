import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { Client, newUser } from './user-management/auth-client.js';
import { sql } from './workflow-database.js';
import { createWorkflow, runsOf, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const ENV = { WORKFLOW_SCHEDULE_POLL_MS: '100' };

const cursorOf = async (workflowId: string): Promise<{ last_fired_at: Date; next_fire_at: Date } | undefined> =>
  (
    await sql<{ last_fired_at: Date; next_fire_at: Date }>(
      'SELECT last_fired_at, next_fire_at FROM workflow_engine.schedules WHERE workflow_id = $1',
      [workflowId],
    )
  )[0];

describe('schedules and backfills', () => {
  let world: WorkflowWorld;
  const closing: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    world = await startWorkflowWorld(ENV);
    closing.push(() => world.app.close());
  });
  afterAll(async () => {
    for (const close of closing) await close().catch(() => undefined);
  });

  it('starts one run per second of a six-field cron, each reading its slot as trigger.payload', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'every-second',
      schedule: { cron: '* * * * * *', timezone: 'UTC', catchUp: 'none' },
      tasks: [{ id: 'stamp', type: 'noop', params: { outputs: { slot: '${{ trigger.payload.scheduledFor }}' } } }],
    });
    const fired = await waitFor(
      async () => {
        const runs = await runsOf(owner.client, workflowId);
        return runs.length >= 2 ? runs : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: 'two scheduled runs' },
    );
    // Stop the schedule: a version without one removes it.
    const removed = await owner.client.call('PUT', `/api/v1/workflows/${workflowId}`, {
      name: 'every-second',
      tasks: [{ id: 'stamp', type: 'noop' }],
    });
    expect(removed.status).toBe(200);
    expect(await cursorOf(workflowId)).toBeUndefined();

    const runBySlot = new Map<string, string>();
    for (const summary of fired.slice(0, 2)) {
      const run = await waitForRun(owner.client, summary.id as string);
      expect(run.state).toBe('succeeded');
      expect(run.trigger).toMatchObject({ kind: 'schedule', backfill: false });
      const slot = run.trigger.scheduledFor as string;
      expect(Date.parse(slot) % 1000).toBe(0);
      expect(run.taskRuns[0].outputs).toEqual({ slot });
      // Nobody started it by hand: it acts for the author of the version.
      expect(run.actorId).toBe(owner.id);
      runBySlot.set(slot, run.id as string);
    }
    expect(runBySlot.size).toBe(2);

    // A backfill over a slot the scheduler ran answers that run instead of starting another.
    const firstSlot = [...runBySlot.keys()].sort()[0];
    await owner.client.call('PUT', `/api/v1/workflows/${workflowId}`, {
      name: 'every-second',
      schedule: { cron: '* * * * * *', timezone: 'UTC', catchUp: 'none' },
      tasks: [{ id: 'stamp', type: 'noop' }],
    });
    const backfill = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/backfill`, {
      from: firstSlot,
      to: firstSlot,
    });
    expect(backfill.status).toBe(201);
    expect(backfill.body.slots).toEqual([{ scheduledFor: firstSlot, runId: runBySlot.get(firstSlot), created: false }]);
    await owner.client.call('PUT', `/api/v1/workflows/${workflowId}`, {
      name: 'every-second',
      tasks: [{ id: 'stamp', type: 'noop' }],
    });
  });

  it('after the app was down, catches up none, the latest or all of the missed slots', async () => {
    const { owner, projectId } = world;
    // Yearly, on 1 January: the slots missed over three years are few and far from any test's clock.
    const create = (catchUp: string) =>
      createWorkflow(owner.client, projectId, {
        name: `yearly-${catchUp}`,
        schedule: { cron: '0 0 1 1 *', timezone: 'UTC', catchUp },
        tasks: [{ id: 'report', type: 'noop' }],
      });
    const ids = { none: await create('none'), latest: await create('latest'), all: await create('all') };

    await world.app.close();
    // What three years of downtime leave behind: the cursor stands at the slot of three years ago.
    const year = new Date().getUTCFullYear();
    const slot = (y: number) => new Date(Date.UTC(y, 0, 1)).toISOString();
    await sql(
      'UPDATE workflow_engine.schedules SET last_fired_at = $2, next_fire_at = $3 WHERE workflow_id = ANY($1::uuid[])',
      [Object.values(ids), slot(year - 3), slot(year - 2)],
    );
    const restarted = await startWorkflowWorld(ENV);
    closing.push(() => restarted.app.close());
    const client = new Client(restarted.app.url).withToken(owner.tokens.accessToken);

    for (const workflowId of Object.values(ids)) {
      await waitFor(
        async () => ((await cursorOf(workflowId))?.last_fired_at.toISOString() === slot(year) ? true : undefined),
        {
          timeoutMs: 15_000,
          intervalMs: 100,
          what: 'the cursor to pass the missed slots',
        },
      );
    }
    const scheduledFor = async (workflowId: string): Promise<string[]> => {
      const runs = await runsOf(client, workflowId);
      const bodies = await Promise.all(runs.map((run) => waitForRun(client, run.id as string)));
      return bodies.map((run) => run.trigger.scheduledFor as string).sort();
    };
    expect(await scheduledFor(ids.none)).toEqual([]);
    expect(await scheduledFor(ids.latest)).toEqual([slot(year)]);
    expect(await scheduledFor(ids.all)).toEqual([slot(year - 2), slot(year - 1), slot(year)]);
    expect((await cursorOf(ids.all))?.next_fire_at.toISOString()).toBe(slot(year + 1));
    world = restarted;
  });

  it('backfills a range once per slot, answers 400 past the cap and 404 to another project', async () => {
    const { owner, projectId, admin, anonymous } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'hourly-backfill',
      schedule: { cron: '0 * * * *', timezone: 'UTC', catchUp: 'none' },
      tasks: [{ id: 'load', type: 'noop', params: { outputs: { hour: '${{ trigger.payload.scheduledFor }}' } } }],
    });
    const backfill = (from: string, to: string, client = owner.client) =>
      client.call('POST', `/api/v1/workflows/${workflowId}/backfill`, { from, to });

    const first = await backfill('2025-06-01T00:00:00Z', '2025-06-01T03:00:00Z');
    expect(first.status).toBe(201);
    expect((first.body.slots as Json[]).map((slot) => [slot.scheduledFor, slot.created])).toEqual([
      ['2025-06-01T00:00:00.000Z', true],
      ['2025-06-01T01:00:00.000Z', true],
      ['2025-06-01T02:00:00.000Z', true],
      ['2025-06-01T03:00:00.000Z', true],
    ]);
    const overlapping = await backfill('2025-06-01T02:00:00Z', '2025-06-01T04:30:00Z');
    expect(overlapping.body.slots).toEqual([
      { scheduledFor: '2025-06-01T02:00:00.000Z', runId: first.body.slots[2].runId, created: false },
      { scheduledFor: '2025-06-01T03:00:00.000Z', runId: first.body.slots[3].runId, created: false },
      { scheduledFor: '2025-06-01T04:00:00.000Z', runId: expect.any(String), created: true },
    ]);
    const runs = await runsOf(owner.client, workflowId);
    expect(runs).toHaveLength(5);
    const run = await waitForRun(owner.client, overlapping.body.slots[2].runId as string);
    expect(run.trigger).toMatchObject({ kind: 'schedule', scheduledFor: '2025-06-01T04:00:00.000Z', backfill: true });
    expect(run.taskRuns[0].outputs).toEqual({ hour: '2025-06-01T04:00:00.000Z' });
    // A backfill acts for whoever asked for it.
    expect(run.actorId).toBe(owner.id);

    const tooMany = await backfill('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.type).toMatch(/backfill-range-invalid$/);
    expect((await backfill('2025-06-02T00:00:00Z', '2025-06-01T00:00:00Z')).status).toBe(400);
    expect(
      (
        await owner.client.call('POST', `/api/v1/workflows/${workflowId}/backfill`, {
          from: 'yesterday',
          to: '2025-06-01T00:00:00Z',
        })
      ).status,
    ).toBe(400);
    expect(await runsOf(owner.client, workflowId)).toHaveLength(5);

    const stranger = await newUser(admin, anonymous);
    await stranger.client.call('POST', '/api/v1/projects', { name: `other-${Date.now()}` });
    const foreign = await backfill('2025-06-01T00:00:00Z', '2025-06-01T01:00:00Z', stranger.client);
    expect(foreign.status).toBe(404);

    const unscheduled = await createWorkflow(owner.client, projectId, {
      name: 'no-schedule',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const refused = await owner.client.call('POST', `/api/v1/workflows/${unscheduled}/backfill`, {
      from: '2025-06-01T00:00:00Z',
      to: '2025-06-01T01:00:00Z',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/workflow-not-scheduled$/);
  });
});
