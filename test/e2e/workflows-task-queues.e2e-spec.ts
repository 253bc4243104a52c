import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import {
  createWorkflow,
  overlapping,
  startWorkflowWorld,
  waitForRun,
  type WorkflowWorld,
} from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

describe('named task queues with a concurrency of their own', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await startWorkflowWorld({ WORKFLOW_TASK_QUEUES: 'narrow=1,wide=8' });
  });
  afterAll(() => world.app.close());

  it('runs the tasks of a one-slot queue one at a time while the default queue runs its tasks together', async () => {
    const sleep = (id: string, queue?: string) => ({ id, type: 'sleep', params: { ms: 150 }, ...(queue && { queue }) });
    const workflowId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'pooled',
      tasks: [
        sleep('n1', 'narrow'),
        sleep('n2', 'narrow'),
        sleep('n3', 'narrow'),
        sleep('d1'),
        sleep('d2'),
        sleep('d3'),
      ],
    });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    const run = await waitForRun(world.owner.client, started.body.id as string);
    expect(run.state).toBe('succeeded');
    const ofIds = (ids: string[]) => (run.taskRuns as Json[]).filter((taskRun) => ids.includes(taskRun.taskId));
    expect(overlapping(ofIds(['n1', 'n2', 'n3']))).toBe(false);
    expect(overlapping(ofIds(['d1', 'd2', 'd3']))).toBe(true);

    // One worker per queue in this process: the named queue's, and the default queue's only once. CLIENT
    // LIST spans every Redis db, where other test workers run apps of their own: count this app's db only.
    const db = new URL(world.app.config.redisUrl).pathname.slice(1) || '0';
    for (const name of ['workflow-engine.tasks', 'workflow-engine.tasks.narrow']) {
      const queue = new Queue(name, { connection: { url: world.app.config.redisUrl }, prefix: '{workflow-engine}' });
      expect((await queue.getWorkers()).filter((worker) => worker.db === db)).toHaveLength(1);
      await queue.close();
    }
    const metrics = await (await fetch(`${world.app.url}/metrics`)).text();
    expect(metrics).toMatch(/^bullmq_queue_jobs\{queue="workflow-engine.tasks.narrow",state="waiting"\} \d+$/m);
  });

  it('refuses a queue that is not configured, and a queue on a task another executor runs', async () => {
    const created = await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/workflows`, {
      name: 'misqueued',
      tasks: [
        { id: 'a', type: 'noop', queue: 'nowhere' },
        { id: 'b', type: 'external', params: { queue: 'training' }, queue: 'wide' },
      ],
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      {
        field: 'tasks[0].queue',
        message: "no task queue 'nowhere' is configured (WORKFLOW_TASK_QUEUES has narrow, wide)",
      },
      {
        field: 'tasks[1].queue',
        message: 'external tasks run on workflow-engine.external; only noop, sleep and http tasks take a named queue',
      },
    ]);
  });
});
