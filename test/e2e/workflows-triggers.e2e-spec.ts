import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { newUser } from './user-management/auth-client.js';
import { sql } from './workflow-database.js';
import {
  RUN_SUCCEEDED,
  succeededEventOf,
  TRIGGER_CONSUMER,
  triggerHandled,
  type StreamedEvent,
} from './workflow-events.js';
import { createWorkflow, runsOf, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

/** Puts an entry on the stream again, as a relay that crashed before marking it published would. */
async function republish(redisUrl: string, event: StreamedEvent): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    await redis.xadd('events.workflow-engine', '*', ...event.fields);
  } finally {
    redis.disconnect();
  }
}

describe('event triggers', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld();
  });
  afterAll(() => world.app.close());

  it("chains a workflow after another's success, reading the event through trigger.payload, in its project only", async () => {
    const { owner, projectId, admin, anonymous } = world;
    const upstream = await createWorkflow(owner.client, projectId, {
      name: 'train',
      tasks: [{ id: 'fit', type: 'noop', params: { outputs: { accuracy: 0.9 } } }],
    });
    const downstream = await createWorkflow(owner.client, projectId, {
      name: 'evaluate',
      triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${upstream}'` }],
      tasks: [
        {
          id: 'report',
          type: 'noop',
          params: { outputs: { after: '${{ trigger.payload.runId }}', event: '${{ trigger.type }}' } },
        },
      ],
    });
    // Subscribed to the same event, no filter, but in another project: the event is not its project's.
    const stranger = await newUser(admin, anonymous);
    const otherProject = (await stranger.client.call('POST', '/api/v1/projects', { name: `other-${Date.now()}` })).body
      .id as string;
    const foreign = await createWorkflow(stranger.client, otherProject, {
      name: 'eavesdropper',
      triggers: [{ event: RUN_SUCCEEDED }],
      tasks: [{ id: 'read', type: 'noop' }],
    });
    // Same project, filtered on another workflow: not started either.
    const unrelated = await createWorkflow(owner.client, projectId, {
      name: 'unrelated',
      triggers: [{ event: RUN_SUCCEEDED, filter: "trigger.payload.workflowId == 'someone-else'" }],
      tasks: [{ id: 'a', type: 'noop' }],
    });

    const started = await owner.client.call('POST', `/api/v1/workflows/${upstream}/runs`, {});
    expect((await waitForRun(owner.client, started.body.id as string)).state).toBe('succeeded');

    const [chained] = await waitFor(
      async () => {
        const runs = await runsOf(owner.client, downstream);
        return runs.length > 0 ? runs : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'the chained run' },
    );
    const run = await waitForRun(owner.client, chained.id as string);
    expect(run.state).toBe('succeeded');
    expect(run.trigger).toMatchObject({
      kind: 'event',
      type: RUN_SUCCEEDED,
      payload: { runId: started.body.id, workflowId: upstream, projectId },
    });
    expect(run.taskRuns[0].outputs).toEqual({ after: started.body.id, event: RUN_SUCCEEDED });
    // Nobody started it by hand: it acts for the author of its version.
    expect(run.actorId).toBe(owner.id);

    // Once the consumer has committed the event, every decision about it has been made.
    await triggerHandled(world.app.config.redisUrl, run.trigger.id as string);
    expect(await runsOf(stranger.client, foreign)).toEqual([]);
    expect(await runsOf(owner.client, unrelated)).toEqual([]);
    // The chained run's own success is handled too, and starts nothing more (no workflow triggers on itself).
    const ownEvent = await succeededEventOf(world.app.config.redisUrl, run.id as string);
    await triggerHandled(world.app.config.redisUrl, ownEvent.envelope.id as string);
    expect(await runsOf(owner.client, downstream)).toHaveLength(1);
  });

  it('starts one run per workflow and event however often the event is delivered', async () => {
    const { owner, projectId } = world;
    const upstream = await createWorkflow(owner.client, projectId, {
      name: 'once',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const downstream = await createWorkflow(owner.client, projectId, {
      name: 'once-after',
      triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${upstream}'` }],
      tasks: [{ id: 'b', type: 'noop' }],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${upstream}/runs`, {});
    await waitForRun(owner.client, started.body.id as string);
    const [chained] = await waitFor(async () => {
      const runs = await runsOf(owner.client, downstream);
      return runs.length > 0 ? runs : undefined;
    });
    const run = await waitForRun(owner.client, chained.id as string);
    await triggerHandled(world.app.config.redisUrl, run.trigger.id as string);
    // A redelivery that gets past the inbox (a crash after the runs started, before the inbox row committed).
    await sql('DELETE FROM workflow_engine.inbox WHERE consumer = $1 AND event_id = $2', [
      TRIGGER_CONSUMER,
      run.trigger.id,
    ]);
    await republish(world.app.config.redisUrl, await succeededEventOf(world.app.config.redisUrl, started.body.id));
    await triggerHandled(world.app.config.redisUrl, run.trigger.id as string);
    expect((await runsOf(owner.client, downstream)).map((summary) => summary.id)).toEqual([run.id]);
  });

  it('stops two workflows that trigger each other once a chain of 16 triggered runs ended', async () => {
    const { owner, projectId } = world;
    const ping = await createWorkflow(owner.client, projectId, { name: 'ping', tasks: [{ id: 'a', type: 'noop' }] });
    const pong = await createWorkflow(owner.client, projectId, {
      name: 'pong',
      triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${ping}'` }],
      tasks: [{ id: 'a', type: 'noop' }],
    });
    const pingBack = await owner.client.call('PUT', `/api/v1/workflows/${ping}`, {
      name: 'ping',
      triggers: [{ event: RUN_SUCCEEDED, filter: `trigger.payload.workflowId == '${pong}'` }],
      tasks: [{ id: 'a', type: 'noop' }],
    });
    expect(pingBack.status).toBe(200);
    await owner.client.call('POST', `/api/v1/workflows/${ping}/runs`, {});

    const allRuns = async () => [...(await runsOf(owner.client, ping)), ...(await runsOf(owner.client, pong))];
    const deepest = await waitFor(
      async () => {
        for (const summary of await allRuns()) {
          const run = await waitForRun(owner.client, summary.id as string);
          if (run.trigger?.depth === 16) return run;
        }
        return undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the 16th triggered run' },
    );
    // Its success is handled and passed over: the run started by hand and 16 triggered ones, no more.
    await triggerHandled(
      world.app.config.redisUrl,
      (await succeededEventOf(world.app.config.redisUrl, deepest.id as string)).envelope.id as string,
    );
    expect(await allRuns()).toHaveLength(17);
  });
});
