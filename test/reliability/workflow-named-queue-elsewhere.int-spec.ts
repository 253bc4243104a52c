import { afterAll, describe, expect, it } from '@jest/globals';
import type { AppProcess } from '@libs/testing';
import { createWorkflow, overlapping, waitForRun } from '../e2e/workflows-support.js';
import { clientOf, projectOwner, startPlatform } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

describe('a named task queue that another worker of the installation does not list', () => {
  const apps: AppProcess[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.kill())));

  it("leaves that queue's tasks on it: one at a time, one attempt each, however often the other reconciles", async () => {
    const pooled = await startPlatform({ WORKFLOW_TASK_QUEUES: 'narrow=1' });
    apps.push(pooled);
    // Reconciling every 100 ms, it looks at the tasks many times while they wait for the one slot.
    apps.push(await startPlatform({ WORKFLOW_TASK_QUEUES: '', WORKFLOW_RECONCILE_INTERVAL_MS: '100' }));
    const { owner, projectId } = await projectOwner(pooled);
    const client = clientOf(owner, pooled);
    const sleep = (id: string) => ({ id, type: 'sleep', params: { ms: 500 }, queue: 'narrow' });
    const workflowId = await createWorkflow(client, projectId, {
      name: 'pooled-elsewhere',
      tasks: [sleep('n1'), sleep('n2'), sleep('n3')],
    });

    const started = await client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    const run = await waitForRun(client, started.body.id as string);

    expect(run.state).toBe('succeeded');
    expect((run.taskRuns as Json[]).map((taskRun) => [taskRun.taskId, taskRun.attempt])).toEqual([
      ['n1', 1],
      ['n2', 1],
      ['n3', 1],
    ]);
    expect(overlapping(run.taskRuns as Json[])).toBe(false);
  });
});
