import { afterAll, describe, expect, it } from '@jest/globals';
import { waitForRun } from '../e2e/workflows-support.js';
import { exitOf, PlatformLives } from '../support/platform-lives.js';
import { clientOf, projectOwner } from '../support/workflow-platform.js';

/** A dead worker's job is found stalled within seconds, and the reconciler looks every second. */
const ENGINE_ENV = { WORKFLOW_TASK_LOCK_MS: '2000', WORKFLOW_RECONCILE_INTERVAL_MS: '1000' };

describe('a task whose job two workers died holding', () => {
  const lives = new PlatformLives(ENGINE_ENV);
  afterAll(() => lives.killAll());

  it('still runs: the reconciler replaces the job BullMQ failed for stalling twice', async () => {
    // BullMQ fails a job found stalled more than once (maxStalledCount 1): the job is over for good,
    // while PostgreSQL still records its attempt as queued and nothing else would ever run it.
    const point = 'workflow.task.before-start';
    const first = await lives.start({ CRASH_POINTS: point });
    const { owner, projectId } = await projectOwner(first);
    const created = await clientOf(owner, first).call('POST', `/api/v1/projects/${projectId}/workflows`, {
      name: 'abandoned-twice',
      tasks: [{ id: 'only', type: 'noop', params: { outputs: { done: true } } }],
    });
    expect(created.status).toBe(201);
    const runId = lives.startRun(owner, created.body.id as string, `abandoned-${Date.now()}`, {});
    expect(await exitOf(first, `crash point ${point}`)).toEqual({ code: null, signal: 'SIGKILL' });
    const second = await lives.start({ CRASH_POINTS: point }, { mayDieStarting: true });
    expect(await exitOf(second, `crash point ${point}, again`)).toEqual({ code: null, signal: 'SIGKILL' });
    const last = await lives.start({});

    const run = await waitForRun(clientOf(owner, last), await runId, undefined, 30_000);
    expect(run.state).toBe('succeeded');
    // Neither dead worker had started the attempt, so it is still the first one that runs.
    expect(run.taskRuns[0]).toMatchObject({ state: 'succeeded', attempt: 1, outputs: { done: true } });
  });
});
