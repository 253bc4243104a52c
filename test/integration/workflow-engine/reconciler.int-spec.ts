import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { TestApp } from '@libs/testing';
import { Client } from '../../e2e/user-management/auth-client.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from '../../e2e/workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

/** Deletes every key of the context's queues (one hash tag), as a Redis restart without persistence would. */
async function loseQueue(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys('{workflow-engine}:*');
    if (keys.length > 0) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

describe('the reconciler', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
  });

  it('finishes a run whose jobs were lost with Redis while the worker was down', async () => {
    // Two task runs execute at a time, so when the worker stops two are running and two wait in the queue.
    const world: WorkflowWorld = await startWorkflowWorld({
      WORKFLOW_TASK_CONCURRENCY: '2',
      WORKFLOW_RECONCILE_INTERVAL_MS: '0',
    });
    apps.push(world.app);
    const { owner, projectId } = world;
    const parallel = ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'sleep', params: { ms: 400 } }));
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'survives-redis-loss',
      tasks: [...parallel, { id: 'join', type: 'noop', dependsOn: ['a', 'b', 'c', 'd'] }],
    });
    const runId = (await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {})).body.id as string;
    await waitForRun(
      owner.client,
      runId,
      (run) => (run.taskRuns as Json[]).filter((taskRun) => taskRun.state === 'running').length === 2,
    );

    await world.app.close();
    expect(await loseQueue(world.app.config.redisUrl)).toBeGreaterThan(0);

    const restarted = await startWorkflowWorld({ WORKFLOW_TASK_CONCURRENCY: '2', WORKFLOW_RECONCILE_INTERVAL_MS: '0' });
    apps.push(restarted.app);
    const client = new Client(restarted.app.url).withToken(owner.tokens.accessToken);
    const run = await waitForRun(client, runId);
    expect(run.state).toBe('succeeded');
    const attempts = (run.taskRuns as Json[]).map((taskRun) => taskRun.attempt as number).sort();
    // The two that were running when the worker stopped ran again under a new attempt.
    expect(attempts).toEqual([1, 1, 1, 2, 2]);
  });
});
