import { afterAll, describe, expect, it } from '@jest/globals';
import { Client } from '../../e2e/user-management/auth-client.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from '../../e2e/workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const taskOf = (run: Json, taskId: string): Json => (run.taskRuns as Json[]).find((task) => task.taskId === taskId);

// No reconciler pass within the test: the run must finish by the jobs alone.
const NO_RECONCILE = { WORKFLOW_RECONCILE_INTERVAL_MS: '86400000' };

/**
 * A worker keeps each run as it last committed it, and answers a job from that copy without reading
 * the run's row when it can. Another process may have moved the run on since: a job that process
 * enqueued names a task the copy still has pending, and the worker must look at the stored run before
 * it calls that job stale.
 */
describe('a run another process moved on since this worker kept it', () => {
  const worlds: WorkflowWorld[] = [];
  afterAll(async () => {
    for (const world of worlds.reverse()) await world.app.close().catch(() => undefined);
  });

  it('runs the task that process queued, not dropping its job as stale', async () => {
    const worker = await startWorkflowWorld(NO_RECONCILE);
    worlds.push(worker);
    const api = await startWorkflowWorld({ ...NO_RECONCILE, APP_ROLE: 'api' });
    worlds.push(api);
    const { owner, projectId } = worker;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'approved-elsewhere',
      tasks: [
        { id: 'gate', type: 'approval', params: { message: 'ship it?' } },
        { id: 'deploy', type: 'noop', dependsOn: ['gate'] },
      ],
    });
    const runId = (await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    // The worker committed the gate's wait, and keeps the run so: deploy pending.
    await waitForRun(owner.client, runId, (run) => taskOf(run, 'gate')?.state === 'waiting_for_approval');

    // The API process approves: its commit queues deploy and enqueues its job, which the worker takes.
    const elsewhere = new Client(api.app.url).withToken(owner.tokens.accessToken);
    const approved = await elsewhere.call('POST', `/api/v1/workflow-runs/${runId}/tasks/gate/approval`, {
      decision: 'approve',
      comment: 'fine',
    });
    expect(approved.status).toBe(200);

    const run = await waitForRun(owner.client, runId);
    expect(run.state).toBe('succeeded');
    expect(taskOf(run, 'deploy')).toMatchObject({ state: 'succeeded', attempt: 1 });
  });
});
