import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const port = (server: { address(): unknown }): number => (server.address() as AddressInfo).port;

const stateOf = (run: Json, taskId: string): string =>
  (run.taskRuns as Json[]).find((taskRun) => taskRun.taskId === taskId).state;

describe('controlling workflow runs over HTTP', () => {
  let world: WorkflowWorld;
  // A task calling this server runs until the test answers: polling for a short task's `running`
  // state could miss it on a busy machine, where one poll takes longer than the task.
  const calls: ServerResponse[] = [];
  const gate = createServer((request, response) => {
    request.resume();
    calls.push(response);
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    world = await startWorkflowWorld({ WORKFLOW_HTTP_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port(gate)}` });
  });
  afterAll(async () => {
    gate.closeAllConnections();
    gate.close();
    await world.app.close();
  });

  it('pauses a run so nothing new starts, and resumes it to success', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'pausable',
      tasks: [
        { id: 'first', type: 'http', params: { method: 'POST', url: `http://127.0.0.1:${port(gate)}/hold` } },
        { id: 'second', type: 'noop', dependsOn: ['first'] },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    await waitFor(() => calls.length === 1, { what: 'the first task to call out' });
    const paused = await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/pause`, {});
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    calls[0].writeHead(200, { 'content-type': 'application/json' }).end('{}');

    // The running task finishes; what depends on it waits for the resume.
    const held = await waitForRun(owner.client, started.body.id, (run) => stateOf(run, 'first') === 'succeeded');
    expect(held.state).toBe('paused');
    expect(stateOf(held, 'second')).toBe('pending');

    const resumed = await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/resume`, {});
    expect(resumed.status).toBe(200);
    const finished = await waitForRun(owner.client, started.body.id);
    expect(finished.state).toBe('succeeded');
    expect(stateOf(finished, 'second')).toBe('succeeded');
  });

  it('retries a failed task as a new attempt, and answers 409 for a task that did not fail', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'refused-call',
      tasks: [
        { id: 'prepare', type: 'noop' },
        { id: 'call', type: 'http', params: { method: 'GET', url: 'http://localhost:1/' }, dependsOn: ['prepare'] },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    const failed = await waitForRun(owner.client, started.body.id);
    expect(failed.state).toBe('failed');

    const retried = await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/tasks/call/retry`, {});
    expect(retried.status).toBe(200);
    const again = await waitForRun(
      owner.client,
      started.body.id,
      (run) => run.state === 'failed' && (run.taskRuns as Json[]).some((taskRun) => taskRun.attempt === 2),
    );
    expect((again.taskRuns as Json[]).find((taskRun) => taskRun.taskId === 'call').attempt).toBe(2);
    expect(
      (await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/tasks/prepare/retry`, {})).status,
    ).toBe(409);
  });

  it('reruns a finished run from a task as a new run, reusing the outputs upstream of it', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: 'rerunnable',
      tasks: [
        { id: 'extract', type: 'noop', params: { outputs: { rows: 3 } } },
        { id: 'train', type: 'noop', params: { outputs: { model: 'v1' } }, dependsOn: ['extract'] },
      ],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    expect((await waitForRun(owner.client, started.body.id)).state).toBe('succeeded');

    const rerun = await owner.client.call('POST', `/api/v1/workflow-runs/${started.body.id}/rerun`, {
      fromTask: 'train',
    });
    expect(rerun.status).toBe(201);
    expect(rerun.body.id).not.toBe(started.body.id);
    const finished = await waitForRun(owner.client, rerun.body.id);
    expect(finished.state).toBe('succeeded');
    const extract = (finished.taskRuns as Json[]).find((taskRun) => taskRun.taskId === 'extract');
    expect(extract.reusedFrom).toBeTruthy();
    expect(extract.outputs).toEqual({ rows: 3 });
  });
});
