import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { waitForRun } from '../e2e/workflows-support.js';
import { clientOf, projectOwner, startPlatform } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

/** A short lock, so that a frozen worker loses its task within seconds rather than the default half minute. */
const ENGINE_ENV = { WORKFLOW_TASK_LOCK_MS: '2000', WORKFLOW_RECONCILE_INTERVAL_MS: '1000' };

const taskOf = (run: Json, taskId: string): Json => (run.taskRuns as Json[]).find((task) => task.taskId === taskId);

describe('a worker frozen past its lock', () => {
  const apps: AppProcess[] = [];
  // The task calls this server. It holds the first call open, so that the worker making it can be
  // frozen mid-task, and answers every later call at once; each answer says which call it was.
  const calls: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    calls.push(response);
    if (calls.length > 1) answer(response, calls.length);
  });
  const answer = (response: ServerResponse, call: number) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ call }));

  afterAll(async () => {
    for (const app of apps) {
      if (app.child.pid !== undefined && app.child.exitCode === null) process.kill(app.child.pid, 'SIGCONT');
      await app.kill();
    }
    server.closeAllConnections();
    server.close();
  });

  it('loses its task to another worker under a new attempt, and its late report is refused', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/score`;
    // Debug level shows the processor dropping a refused report.
    const stalled = await startPlatform({ ...ENGINE_ENV, LOG_LEVEL: 'debug' });
    apps.push(stalled);
    const { owner, projectId } = await projectOwner(stalled);
    const workflow = await clientOf(owner, stalled).call('POST', `/api/v1/projects/${projectId}/workflows`, {
      name: 'stalled-worker',
      tasks: [
        { id: 'call', type: 'http', params: { method: 'POST', url } },
        // Keeps the run going after `call` succeeded, so the late report meets a running run and is
        // refused by the attempt number alone (a finished run would refuse it anyway).
        { id: 'gate', type: 'approval', params: { message: 'finish?' } },
      ],
    });
    expect(workflow.status).toBe(201);
    const started = await clientOf(owner, stalled).call('POST', `/api/v1/workflows/${workflow.body.id}/runs`, {});
    const runId = started.body.id as string;

    await waitFor(() => calls.length === 1, { what: 'the first worker to call out' });
    process.kill(stalled.child.pid!, 'SIGSTOP');
    const taker = await startPlatform(ENGINE_ENV);
    apps.push(taker);
    const client = clientOf(owner, taker);

    const taken = await waitForRun(client, runId, (run) => taskOf(run, 'call').state === 'succeeded', 30_000);
    expect(taskOf(taken, 'call')).toMatchObject({ attempt: 2, outputs: { status: 200, body: { call: 2 } } });
    expect(calls).toHaveLength(2);

    // The frozen worker wakes up, gets its answer and reports attempt 1.
    answer(calls[0], 1);
    process.kill(stalled.child.pid!, 'SIGCONT');
    // The refusal is told in attempt 1's own task log, and in the worker's debug log.
    const refusal = 'task run call is at attempt 2; a report for attempt 1 is stale';
    const firstAttemptLog = async (): Promise<string[]> =>
      ((await client.call('GET', `/api/v1/workflow-runs/${runId}/tasks/call/logs?attempt=1`)).body.items as Json[]).map(
        (item) => item.line as string,
      );
    await waitFor(async () => (await firstAttemptLog()).includes(`report refused: ${refusal}`), {
      timeoutMs: 15_000,
      what: 'the late report to be refused',
    });
    expect(stalled.logs).toContain(`dropped stale job ${runId}:call:1: ${refusal}`);
    expect((await client.call('GET', `/api/v1/workflow-runs/${runId}`)).body).toEqual(taken);
    expect(stalled.child.exitCode).toBeNull();

    expect(
      (await client.call('POST', `/api/v1/workflow-runs/${runId}/tasks/gate/approval`, { decision: 'approve' })).status,
    ).toBe(200);
    const run = await waitForRun(client, runId);
    expect(run.state).toBe('succeeded');
    expect(taskOf(run, 'call')).toMatchObject({ state: 'succeeded', attempt: 2, outputs: { body: { call: 2 } } });
  });
});
