import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const WORKER = 'docs/examples/external_worker.py';

describe("the README's Python worker", () => {
  let world: WorkflowWorld;
  let worker: ChildProcess | undefined;
  let workerOutput = '';

  beforeAll(async () => {
    world = await startWorkflowWorld();
  });
  afterAll(async () => {
    worker?.kill();
    await world.app.close();
  });

  it('is the example file, word for word', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('```python\n' + readFileSync(WORKER, 'utf8') + '```');
  });

  it('claims, logs and completes a task, and the run goes on with its outputs', async () => {
    const { owner, projectId } = world;
    const key = await owner.client.call('POST', '/api/v1/api-keys', {
      name: 'python-worker',
      projectId,
      permissions: ['workflow:run'],
    });
    worker = spawn('python3', [WORKER], {
      env: {
        PATH: process.env.PATH,
        PLATFORM_URL: world.app.url,
        API_KEY: key.body.key as string,
        PROJECT_ID: projectId,
        QUEUE: 'training',
        // Short polls, so the worker's last claim ends soon after the test stops it.
        WAIT_SECONDS: '1',
      },
    });
    worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));

    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'python-training',
      tasks: [
        { id: 'prepare', type: 'noop', params: { outputs: { rows: 120 } } },
        { id: 'train', type: 'external', params: { queue: 'training', epochs: 2 }, dependsOn: ['prepare'] },
        {
          id: 'publish',
          type: 'noop',
          params: { outputs: { accuracy: '${{ tasks.train.outputs.accuracy }}' } },
          dependsOn: ['train'],
        },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    const run = await waitForRun(owner.client, started.body.id as string).catch((error: Error) => {
      throw new Error(`${error.message}; worker said: ${workerOutput}`);
    });
    expect(run.state).toBe('succeeded');
    const byTask = new Map<string, Json>((run.taskRuns as Json[]).map((taskRun) => [taskRun.taskId, taskRun]));
    expect(byTask.get('train').outputs).toEqual({ accuracy: 0.93, epochs: 2 });
    expect(byTask.get('publish').outputs).toEqual({ accuracy: 0.93 });

    const logs = await owner.client.call('GET', `/api/v1/workflow-runs/${run.id}/tasks/train/logs`);
    expect((logs.body.items as Json[]).map((item) => item.line)).toEqual([
      "epoch 1/2, inputs {'prepare': {'rows': 120}}",
      "epoch 2/2, inputs {'prepare': {'rows': 120}}",
    ]);
  });
});
