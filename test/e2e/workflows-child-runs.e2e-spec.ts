import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { ReconcileRunsHandler } from '../../src/contexts/workflow-engine/application/reconcile-runs/reconcile-runs.handler.js';
import { createWorkflow, runsOf, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const taskRun = (run: Json, taskId: string): Json =>
  (run.taskRuns as Json[]).find((candidate) => candidate.taskId === taskId);

describe('workflow tasks run another workflow as a child and wait for it', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld();
  });
  afterAll(() => world.app.close());

  async function parentOf(childWorkflowId: string, name: string): Promise<string> {
    return createWorkflow(world.owner.client, world.projectId, {
      name,
      tasks: [
        { id: 'prep', type: 'noop', params: { outputs: { n: 21 } } },
        {
          id: 'call',
          type: 'workflow',
          dependsOn: ['prep'],
          params: { workflowId: childWorkflowId, params: { n: '${{ tasks.prep.outputs.n }}' } },
        },
        {
          id: 'after',
          type: 'noop',
          dependsOn: ['call'],
          params: { outputs: { got: '${{ tasks.call.outputs.tasks.double.value }}' } },
        },
      ],
    });
  }

  async function runOf(workflowId: string): Promise<Json> {
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    return waitForRun(world.owner.client, started.body.id as string);
  }

  it('succeeds with the child run’s outputs, the child acting for the same user', async () => {
    const childId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'doubler',
      params: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
      tasks: [
        {
          id: 'double',
          type: 'noop',
          params: { outputs: { value: '${{ params.n * 2 }}', parent: '${{ trigger.payload.parentRunId }}' } },
        },
      ],
    });
    const run = await runOf(await parentOf(childId, 'calls-doubler'));
    expect(run.state).toBe('succeeded');
    const call = taskRun(run, 'call');
    expect(call.outputs.tasks).toEqual({ double: { value: 42, parent: run.id } });
    expect(taskRun(run, 'after').outputs).toEqual({ got: 42 });

    const child = await world.owner.client.call('GET', `/api/v1/workflow-runs/${call.outputs.runId}`);
    expect(child.body).toMatchObject({ workflowId: childId, state: 'succeeded', actorId: world.owner.id });
    const logs = await world.owner.client.call('GET', `/api/v1/workflow-runs/${run.id}/tasks/call/logs`);
    expect((logs.body.items as Json[]).map((item) => item.line)).toContain(`started child run ${call.outputs.runId}`);
  });

  it('fails when the child run fails, and what follows is upstream_failed', async () => {
    const childId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'too-slow',
      params: { type: 'object', properties: { n: { type: 'integer' } } },
      tasks: [{ id: 'double', type: 'sleep', params: { ms: 5000 }, timeoutMs: 50 }],
    });
    const run = await runOf(await parentOf(childId, 'calls-too-slow'));
    expect(run.state).toBe('failed');
    expect(taskRun(run, 'call')).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^child run \S+ failed$/),
    });
    expect(taskRun(run, 'after').state).toBe('upstream_failed');
  });

  it("fails, as for a missing one, when the child is another project's workflow", async () => {
    const elsewhere = (await world.owner.client.call('POST', '/api/v1/projects', { name: `other-${Date.now()}` })).body
      .id as string;
    const foreignId = await createWorkflow(world.owner.client, elsewhere, {
      name: 'foreign',
      tasks: [{ id: 'double', type: 'noop' }],
    });
    const run = await runOf(await parentOf(foreignId, 'calls-foreign'));
    expect(run.state).toBe('failed');
    expect(taskRun(run, 'call').error).toBe(`workflow ${foreignId} was not found`);
    const children = await world.owner.client.call('GET', `/api/v1/workflows/${foreignId}/runs`);
    expect(children.body.items).toEqual([]);
  });

  it('ends a workflow that runs itself at the nesting limit instead of running forever', async () => {
    const { client } = world.owner;
    const workflowId = await createWorkflow(client, world.projectId, {
      name: 'runs-itself',
      tasks: [{ id: 'self', type: 'noop' }],
    });
    const again = await client.call('PUT', `/api/v1/workflows/${workflowId}`, {
      name: 'runs-itself',
      tasks: [{ id: 'self', type: 'workflow', params: { workflowId } }],
    });
    expect(again.status).toBe(200);
    const run = await runOf(workflowId);
    expect(run.state).toBe('failed');
    const runs = await client.call('GET', `/api/v1/workflows/${workflowId}/runs?limit=100`);
    // The run by hand and ten nested children; the eleventh level was refused.
    expect(runs.body.items).toHaveLength(11);
    expect((runs.body.items as Json[]).every((item) => item.state === 'failed')).toBe(true);
  });

  it('is left to its child by the reconciler while the child runs', async () => {
    const childId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'slow-child',
      params: { type: 'object', properties: { n: { type: 'integer' } } },
      tasks: [{ id: 'double', type: 'sleep', params: { ms: 600 } }],
    });
    const started = await world.owner.client.call(
      'POST',
      `/api/v1/workflows/${await parentOf(childId, 'waits')}/runs`,
      {},
    );
    const runId = started.body.id as string;
    await waitForRun(world.owner.client, runId, (run) => taskRun(run, 'call').state === 'running');
    await waitFor(
      async () => (await world.owner.client.call('GET', `/api/v1/workflows/${childId}/runs`)).body.items.length === 1,
      {
        what: 'the child run',
      },
    );
    const reconciled = await world.app.app.get(ReconcileRunsHandler, { strict: false }).execute({});
    expect(reconciled.reassigned).toBe(0);
    const run = await waitForRun(world.owner.client, runId);
    expect(run.state).toBe('succeeded');
    expect(taskRun(run, 'call').attempt).toBe(1);
  });

  it('cancels the child run, and its own child, when the parent run is cancelled', async () => {
    const grandchildId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'grandchild',
      tasks: [{ id: 'wait', type: 'sleep', params: { ms: 30_000 } }],
    });
    const childId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'middle',
      params: { type: 'object', properties: { n: { type: 'integer' } } },
      tasks: [{ id: 'double', type: 'workflow', params: { workflowId: grandchildId } }],
    });
    const parentId = await parentOf(childId, 'cancelled-parent');
    const runId = (await world.owner.client.call('POST', `/api/v1/workflows/${parentId}/runs`, {})).body.id as string;
    await waitFor(async () => (await runsOf(world.owner.client, grandchildId)).some((run) => run.state === 'running'), {
      what: 'the grandchild run',
    });

    const cancelled = await world.owner.client.call('POST', `/api/v1/workflow-runs/${runId}/cancel`, {});
    expect(cancelled.status).toBe(200);
    for (const workflowId of [childId, grandchildId]) {
      const [run] = await waitFor(
        async () => {
          const runs = await runsOf(world.owner.client, workflowId);
          return runs.every((candidate) => candidate.state === 'cancelled') && runs;
        },
        { what: `the cancellation of workflow ${workflowId}'s run` },
      );
      const detail = await world.owner.client.call('GET', `/api/v1/workflow-runs/${run.id}`);
      expect((detail.body.transitions as Json[]).at(-1)).toMatchObject({
        to: 'cancelled',
        reason: expect.stringMatching(/^parent run \S+ was cancelled$/),
      });
    }
  });
});
