import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { Redis } from 'ioredis';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

interface Envelope {
  readonly type: string;
  readonly aggregateId: string;
  readonly traceparent: string | null;
  readonly correlationId: string;
}

describe('one trace for a whole workflow run', () => {
  let world: WorkflowWorld;
  let redis: Redis;
  beforeAll(async () => {
    world = await startWorkflowWorld();
    redis = new Redis(world.app.config.redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await world.app.close();
  });

  /** The envelopes the engine published about one run, read from its stream. */
  async function eventsOf(runId: string): Promise<Envelope[]> {
    const entries = await redis.xrange('events.workflow-engine', '-', '+');
    return entries
      .map(([, fields]) => JSON.parse(fields[fields.indexOf('envelope') + 1]) as Envelope)
      .filter((envelope) => envelope.aggregateId === runId);
  }

  it("carries the caller's traceparent from the HTTP start through every task's job to their events", async () => {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'traced',
      tasks: [
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'sleep', params: { ms: 10 }, dependsOn: ['a'] },
        { id: 'c', type: 'noop', dependsOn: ['b'] },
      ],
    });
    const started = await fetch(`${world.app.url}/api/v1/workflows/${workflowId}/runs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.owner.tokens.accessToken}`,
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
        'x-correlation-id': 'training-nightly-42',
      },
      body: '{}',
    });
    const runId = ((await started.json()) as { id: string }).id;
    expect((await waitForRun(world.owner.client, runId)).state).toBe('succeeded');

    const events = await waitFor(
      async () => {
        const found = await eventsOf(runId);
        return found.some((event) => event.type.endsWith('workflow-run.succeeded.v1')) && found;
      },
      { what: 'the run events in the stream' },
    );
    // Started, three task successes (each written by a job two hops or more from the request), succeeded.
    expect(events.map((event) => event.type.split('.').slice(1, 3).join('.'))).toEqual([
      'workflow-run.started',
      'task-run.succeeded',
      'task-run.succeeded',
      'task-run.succeeded',
      'workflow-run.succeeded',
    ]);
    for (const event of events) {
      expect(event.traceparent?.split('-')[1]).toBe(TRACE_ID);
      expect(event.correlationId).toBe('training-nightly-42');
    }
    // Each job is a span of its own within the trace.
    expect(new Set(events.slice(1).map((event) => event.traceparent)).size).toBeGreaterThan(1);
  });
});
