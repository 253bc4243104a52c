import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import type { Client } from '../e2e/user-management/auth-client.js';
import { EffectServer } from '../support/effect-server.js';
import { exitOf, PlatformLives } from '../support/platform-lives.js';
import { clientOf, projectOwner } from '../support/workflow-platform.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

// Many starts and kills of the platform with 100 runs: longer than the default test timeout.
jest.setTimeout(scaled(600_000));

const RUNS = 100;
const TASK_IDS = ['extract', 'clean', 'features', 'train', 'report'];

/**
 * Fast recovery, so that the whole test fits in a minute: a dead worker's jobs are taken over about
 * two lock lengths after it died, and lost jobs are found within a second.
 */
const ENGINE_ENV = {
  WORKFLOW_TASK_LOCK_MS: '2000',
  WORKFLOW_RECONCILE_INTERVAL_MS: '1000',
  WORKFLOW_TASK_CONCURRENCY: '32',
};

/**
 * The lives of the platform, one process each. The first three die at a crash point of the engine
 * (the test never kills them, so each reaching its point is part of what is checked); the next two
 * are killed at a random moment; the last one is left to finish the work.
 */
const CRASH_POINTS = [
  // A new run is committed with its first task run queued, and its job was never added.
  'workflow.run-created.before-enqueue',
  // A task's request was made (the effect happened) and the process dies before reporting it.
  'workflow.task.before-report',
  // A change was committed (a completion, a reassignment) and what it dispatched was never added.
  'workflow.run-change.before-enqueue',
];
const RANDOM_KILLS = 2;

/** extract -> (clean, features) -> train -> report, each an http call to the effect server. */
function crashDag(effectsUrl: string): object {
  const task = (id: string, dependsOn: string[]) => ({
    id,
    type: 'http',
    params: { method: 'POST', url: `${effectsUrl}/effects/\${{ params.key }}/${id}` },
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  });
  return {
    name: 'crash-dag',
    params: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
    tasks: [
      task('extract', []),
      task('clean', ['extract']),
      task('features', ['extract']),
      task('train', ['clean', 'features']),
      task('report', ['train']),
    ],
  };
}

describe('workflow runs while the platform is killed again and again', () => {
  const lives = new PlatformLives(ENGINE_ENV);
  let effects: EffectServer;

  beforeAll(async () => {
    effects = await EffectServer.start(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    await lives.killAll();
    await effects.close();
  });

  it('finishes every run, loses no task, and does each task effect once', async () => {
    const started = Date.now();
    const first = await lives.start({ CRASH_POINTS: CRASH_POINTS[0] });
    const world = await projectOwner(first);
    const created = await clientOf(world.owner, first).call(
      'POST',
      `/api/v1/projects/${world.projectId}/workflows`,
      crashDag(effects.url),
    );
    expect(created.status).toBe(201);
    const workflowId = created.body.id as string;
    const keys = Array.from({ length: RUNS }, (_, index) => `crash-${started}-${index}`);

    const runIds = Promise.all(keys.map((key) => lives.startRun(world.owner, workflowId, key, { key })));

    const kills: string[] = [];
    for (const [index, point] of CRASH_POINTS.entries()) {
      if (index > 0) await lives.start({ CRASH_POINTS: point }, { mayDieStarting: true });
      expect(await exitOf(lives.current, `crash point ${point}`)).toEqual({ code: null, signal: 'SIGKILL' });
      kills.push(point);
    }
    for (let kill = 0; kill < RANDOM_KILLS; kill += 1) {
      const app = await lives.start({});
      const afterMs = 300 + Math.floor(Math.random() * 1500);
      await sleep(afterMs);
      await app.kill();
      kills.push(`random after ${afterMs} ms`);
    }
    const last = await lives.start({});

    const ids = await runIds;
    expect(new Set(ids).size).toBe(RUNS);
    const client = clientOf(world.owner, last);
    const runs = await waitForRuns(client, workflowId, (all) => all.length === RUNS && all.every(isFinished));
    expect(runs.map((run) => run.state)).toEqual(runs.map(() => 'succeeded'));
    expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());

    const details = await Promise.all(
      ids.map(async (id) => (await client.call('GET', `/api/v1/workflow-runs/${id}`)).body),
    );
    const taskRuns: Json[] = details.flatMap((run) => run.taskRuns);
    expect(taskRuns).toHaveLength(RUNS * TASK_IDS.length);
    expect(taskRuns.filter((taskRun) => taskRun.state !== 'succeeded')).toEqual([]);

    // Exactly once: one row per (run, task) for every task run, and none other of this test's keys.
    const expected = keys.flatMap((key) => TASK_IDS.map((taskId) => `${key}/${taskId}`)).sort();
    const rows = (await effects.rows()).filter((row) => row.run_key.startsWith(`crash-${started}-`));
    expect(rows.map((row) => `${row.run_key}/${row.task_id}`).sort()).toEqual(expected);
    // Execution is at least once: the worker that died before reporting had made its request, so
    // its task was delivered again under a new attempt and the unique key refused the repeat.
    expect(effects.deliveries).toBe(expected.length + effects.duplicates);
    expect(effects.duplicates).toBeGreaterThanOrEqual(1);

    const reattempted = taskRuns.filter((taskRun) => taskRun.attempt > 1).length;
    // eslint-disable-next-line no-console -- the figures of the chaos this run went through, for whoever reads the test output
    console.log(
      `${lives.all.length} lives (${kills.join('; ')}), ${Date.now() - started} ms: ` +
        `${effects.deliveries} deliveries for ${expected.length} effects, ` +
        `${effects.duplicates} duplicates refused by the unique key, ${reattempted} task runs took more than one attempt`,
    );
  });
});

function isFinished(run: Json): boolean {
  return ['succeeded', 'failed', 'cancelled'].includes(run.state as string);
}

/** Every run of the workflow once `until` holds; on timeout, the runs not finished and their task runs. */
async function waitForRuns(client: Client, workflowId: string, until: (runs: Json[]) => boolean): Promise<Json[]> {
  let latest: Json[] = [];
  return waitFor(
    async () => {
      const runs: Json[] = [];
      let cursor: string | undefined;
      do {
        const query = `limit=100${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await client.call('GET', `/api/v1/workflows/${workflowId}/runs?${query}`)).body;
        runs.push(...(page.items as Json[]));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      latest = runs;
      return until(runs) ? runs : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: 'every run to finish' },
  ).catch(async (error: Error) => {
    const stuck = await Promise.all(
      latest
        .filter((run) => !isFinished(run))
        .slice(0, 5)
        .map(async (run) => (await client.call('GET', `/api/v1/workflow-runs/${run.id}`)).body),
    );
    const tasks = (run: Json) => (run.taskRuns as Json[]).map((task) => `${task.key} ${task.state}@${task.attempt}`);
    const described = stuck.map((run) => `${run.id} ${run.state}: ${tasks(run).join(', ')}`);
    throw new Error(`${error.message}; ${latest.length} runs, unfinished: ${described.join('; ') || 'none'}`);
  });
}
