import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

describe('cancelling a run stops the attempts it has running', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    // One task at a time: an attempt left running after its run was cancelled would hold the only slot.
    world = await startWorkflowWorld({ WORKFLOW_TASK_CONCURRENCY: '1' });
  });
  afterAll(() => world.app.close());

  const start = async (workflowId: string): Promise<string> =>
    (await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;

  it('aborts a running sleep, frees its worker slot and says so in the task log', async () => {
    const { client } = world.owner;
    const longId = await createWorkflow(client, world.projectId, {
      name: 'long',
      tasks: [{ id: 'wait', type: 'sleep', params: { ms: 600_000 } }],
    });
    const runId = await start(longId);
    await waitForRun(client, runId, (run) => (run.taskRuns as Json[])[0].state === 'running');
    expect((await client.call('POST', `/api/v1/workflow-runs/${runId}/cancel`, { reason: 'enough' })).status).toBe(200);

    const logs = `/api/v1/workflow-runs/${runId}/tasks/wait/logs`;
    const lines = await waitFor(
      async () => {
        const found = ((await client.call('GET', logs)).body.items as Json[]).map((item) => item.line as string);
        return found.length === 2 && found;
      },
      { what: 'the stopped attempt' },
    );
    expect(lines).toEqual(['started sleep task, attempt 1', 'stopped: the run was cancelled']);

    // The only slot is free again: a short task of another run gets it.
    const shortId = await createWorkflow(client, world.projectId, {
      name: 'short',
      tasks: [{ id: 'quick', type: 'noop' }],
    });
    expect((await waitForRun(client, await start(shortId))).state).toBe('succeeded');
    expect((await waitForRun(client, runId)).taskRuns[0].state).toBe('cancelled');
  });
});
