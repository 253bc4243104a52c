import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

// Deadlines are enforced by the reconciler's tick: a short interval keeps the deadline test short.
const FAST_RECONCILE = { WORKFLOW_RECONCILE_INTERVAL_MS: '200' };

const taskOf = (run: Json, taskId: string): Json => (run.taskRuns as Json[]).find((task) => task.taskId === taskId);

describe('approval tasks wait for a person with workflow:approve', () => {
  let world: WorkflowWorld;

  beforeAll(async () => {
    world = await startWorkflowWorld(FAST_RECONCILE);
  });
  afterAll(async () => {
    await world.app.close();
  });

  /** Starts a run of gate (an approval with `params`) then deploy, and waits until the gate waits. */
  async function gatedRun(name: string, params: object = {}): Promise<string> {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, {
      name,
      tasks: [
        { id: 'gate', type: 'approval', params: { message: 'ship it?', ...params } },
        { id: 'deploy', type: 'noop', params: { outputs: { shipped: true } }, dependsOn: ['gate'] },
      ],
    });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    await waitForRun(
      world.owner.client,
      started.body.id as string,
      (run) => taskOf(run, 'gate')?.state === 'waiting_for_approval',
    );
    return started.body.id as string;
  }

  const decide = (runId: string, body: object, client = world.owner.client) =>
    client.call('POST', `/api/v1/workflow-runs/${runId}/tasks/gate/approval`, body);

  it('goes on once approved, with the decision as the task outputs, and refuses a second decision', async () => {
    const runId = await gatedRun('approved-release');
    const approved = await decide(runId, { decision: 'approve', comment: 'metrics look fine' });
    expect(approved.status).toBe(200);
    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('succeeded');
    expect(taskOf(run, 'gate').outputs).toEqual({
      decision: 'approved',
      by: world.owner.id,
      comment: 'metrics look fine',
    });
    expect(taskOf(run, 'deploy').outputs).toEqual({ shipped: true });
    expect((await decide(runId, { decision: 'reject' })).status).toBe(409);
  });

  it('fails the run when rejected, and what follows the gate does not run', async () => {
    const runId = await gatedRun('rejected-release');
    expect((await decide(runId, { decision: 'reject', comment: 'drift too high' })).status).toBe(200);
    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('failed');
    expect(taskOf(run, 'gate')).toMatchObject({
      state: 'failed',
      error: `rejected by ${world.owner.id}: drift too high`,
    });
    expect(taskOf(run, 'deploy').state).toBe('upstream_failed');
  });

  it('lets only the named approvers decide, and only holders of workflow:approve', async () => {
    const runId = await gatedRun('named-approvers', { approvers: ['someone-else'] });
    const notNamed = await decide(runId, { decision: 'approve' });
    expect(notNamed.status).toBe(403);
    const key = await world.owner.client.call('POST', '/api/v1/api-keys', {
      name: 'runner-only',
      projectId: world.projectId,
      permissions: ['workflow:read', 'workflow:run'],
    });
    const runner = world.anonymous.withToken(key.body.key as string);
    expect((await decide(runId, { decision: 'approve' }, runner)).status).toBe(403);
    expect((await decide(runId, { decision: 'maybe' })).status).toBe(400);
    const run = await world.owner.client.call('GET', `/api/v1/workflow-runs/${runId}`);
    expect(taskOf(run.body, 'gate').state).toBe('waiting_for_approval');
    await world.owner.client.call('POST', `/api/v1/workflow-runs/${runId}/cancel`, {});
  });

  it('fails an approval nobody decided on before its deadline', async () => {
    const runId = await gatedRun('deadline', { deadlineSeconds: 1 });
    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('failed');
    expect(taskOf(run, 'gate')).toMatchObject({ state: 'failed', error: 'no decision before the deadline' });
  });

  it('publishes approval.requested through the outbox to events.workflow-engine', async () => {
    const runId = await gatedRun('announced', { approvers: [world.owner.id] });
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const payload = await waitFor(
        async () => {
          const entries = await redis.xrange('events.workflow-engine', '-', '+');
          const envelopes = entries.map(
            ([, fields]) => JSON.parse(fields[fields.indexOf('envelope') + 1]) as { type: string; payload: Json },
          );
          return envelopes.find(
            (envelope) => envelope.type === 'workflow-engine.approval.requested.v1' && envelope.payload.runId === runId,
          )?.payload;
        },
        { what: 'the approval request on the stream' },
      );
      expect(payload).toMatchObject({
        taskId: 'gate',
        attempt: 1,
        state: 'waiting_for_approval',
        message: 'ship it?',
        approvers: [world.owner.id],
      });
    } finally {
      redis.disconnect();
    }
    expect((await decide(runId, { decision: 'approve' })).status).toBe(200);
  });
});
