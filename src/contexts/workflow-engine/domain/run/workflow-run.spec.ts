import { describe, expect, it } from '@jest/globals';
import type { DefinitionDocument, TaskDocument } from '../definition/definition-document.js';
import { DefinitionSpec } from '../definition/definition-spec.js';
import { IllegalTransition, RerunNotPossible, StaleAttempt } from '../errors.js';
import type { JsonValue } from '../json-value.js';
import type { TaskDispatch } from './task-dispatch.js';
import { MAX_WORKER_LOSSES, WorkflowRun, type PinnedVersion } from './workflow-run.js';

const now = new Date('2026-01-01T00:00:00Z');
const later = (ms: number): Date => new Date(now.getTime() + ms);

function pinned(tasks: TaskDocument[], extra: Partial<DefinitionDocument> = {}): PinnedVersion {
  const { spec, problems } = DefinitionSpec.build({ name: 'test', tasks, ...extra });
  expect(problems).toEqual([]);
  return { workflowId: 'workflow-1', version: 1, projectId: 'project-1', spec };
}

const keys = (dispatches: readonly TaskDispatch[]): string[] => dispatches.map((dispatch) => dispatch.key).sort();
const states = (run: WorkflowRun): Record<string, string> =>
  Object.fromEntries(run.allTaskRuns().map((taskRun) => [taskRun.key, taskRun.state]));

/** Starts and completes a dispatched task run with the given outputs. */
function finish(run: WorkflowRun, dispatch: TaskDispatch, outputs: JsonValue = {}): TaskDispatch[] {
  run.startTask(dispatch.key, dispatch.attempt, now);
  return run.completeTask(dispatch.key, dispatch.attempt, outputs, now);
}

describe('WorkflowRun', () => {
  it('lets a task name its run, workflow and own id in its params (${{ run.id }}, run.workflowId, run.task)', () => {
    const run = WorkflowRun.create(
      pinned([
        {
          id: 'notify',
          type: 'noop',
          params: { url: '/runs/${{ run.id }}/${{ run.task }}', of: '${{ run.workflowId }}' },
        },
      ]),
      {},
      null,
      now,
    );
    expect(run.start(now).map((dispatch) => dispatch.input)).toEqual([
      { url: `/runs/${run.id}/notify`, of: 'workflow-1' },
    ]);
  });

  it('dispatches a task as soon as all it depends on succeeded, and succeeds at the end', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop' },
        {
          id: 'c',
          type: 'noop',
          dependsOn: ['a', 'b'],
          params: { sum: '${{ tasks.a.outputs.n + tasks.b.outputs.n }}' },
        },
      ]),
      {},
      null,
      now,
    );
    const [a, b] = run.start(now);
    expect(keys([a, b])).toEqual(['a', 'b']);
    expect(finish(run, a, { n: 1 })).toEqual([]);
    const [c] = finish(run, b, { n: 2 });
    expect(c).toMatchObject({ key: 'c', attempt: 1, input: { sum: 3 } });
    finish(run, c);
    expect(run.state).toBe('succeeded');
    expect(run.transitions.map((transition) => transition.to)).toEqual(['running', 'succeeded']);
    expect(run.pullEvents().map((event) => event.name)).toEqual([
      'run-started',
      'task-succeeded',
      'task-succeeded',
      'task-succeeded',
      'run-succeeded',
    ]);
  });

  it('skips a task whose condition is false, and what only it leads to', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'gate', type: 'noop', when: 'params.deploy' },
        { id: 'deploy', type: 'noop', dependsOn: ['gate'] },
        { id: 'other', type: 'noop' },
        { id: 'report', type: 'noop', dependsOn: ['gate', 'other'] },
      ]),
      { deploy: false },
      null,
      now,
    );
    const [other] = run.start(now);
    expect(states(run)).toMatchObject({ gate: 'skipped', deploy: 'skipped', other: 'queued' });
    expect(keys(finish(run, other))).toEqual(['report']);
  });

  it('fans out over a list and hands downstream the list of outputs', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'train', type: 'noop', forEach: '${{ params.seeds }}', params: { seed: '${{ item }}' } },
        { id: 'pick', type: 'noop', dependsOn: ['train'], params: { all: '${{ tasks.train.outputs }}' } },
      ]),
      { seeds: [7, 8, 9] },
      null,
      now,
    );
    const items = run.start(now);
    expect(items.map((dispatch) => [dispatch.key, dispatch.input])).toEqual([
      ['train[0]', { seed: 7 }],
      ['train[1]', { seed: 8 }],
      ['train[2]', { seed: 9 }],
    ]);
    finish(run, items[2], { loss: 3 });
    finish(run, items[0], { loss: 1 });
    const [pick] = finish(run, items[1], { loss: 2 });
    expect(pick.input).toEqual({ all: [{ loss: 1 }, { loss: 2 }, { loss: 3 }] });
  });

  it('retries a failed attempt after its backoff and refuses the stale attempt', () => {
    const run = WorkflowRun.create(
      pinned([{ id: 'flaky', type: 'noop', retries: { max: 1, backoff: 'exponential', delayMs: 1000 } }]),
      {},
      null,
      now,
    );
    const [first] = run.start(now);
    run.startTask('flaky', 1, now);
    const [retry] = run.failTask('flaky', 1, 'boom', now, 0.5);
    expect(retry).toMatchObject({ attempt: 2, delayMs: 1000 });
    expect(run.taskRun('flaky').state).toBe('retrying');
    expect(() => run.completeTask('flaky', first.attempt, {}, now)).toThrow(StaleAttempt);
    run.startTask('flaky', 2, later(1000));
    expect(run.failTask('flaky', 2, 'boom again', later(1000), 0.5)).toEqual([]);
    expect(run.state).toBe('failed');
    expect(run.taskRun('flaky').error).toBe('boom again');
  });

  it('fails a task at once, retries left, when the failure is not retryable', () => {
    const run = WorkflowRun.create(
      pinned([{ id: 'call', type: 'http', retries: { max: 3, backoff: 'fixed', delayMs: 10 } }]),
      {},
      null,
      now,
    );
    run.start(now);
    run.startTask('call', 1, now);
    expect(run.failTask('call', 1, 'refused by the outbound policy', now, 0.5, false)).toEqual([]);
    expect(run.taskRun('call')).toMatchObject({ state: 'failed', attempt: 1 });
    expect(run.state).toBe('failed');
  });

  it('fences out a stalled worker once its task is reassigned', () => {
    const run = WorkflowRun.create(pinned([{ id: 'a', type: 'noop' }]), {}, null, now);
    run.start(now);
    run.startTask('a', 1, now);
    const [again] = run.reassignTask('a', now);
    expect(again.attempt).toBe(2);
    expect(() => run.completeTask('a', 1, { late: true }, now)).toThrow(StaleAttempt);
    run.startTask('a', 2, now);
    run.completeTask('a', 2, { fresh: true }, now);
    expect(run.taskRun('a').outputs).toEqual({ fresh: true });
  });

  it('fails a task that keeps losing its worker, under its retry policy, instead of handing it out forever', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'a', type: 'noop', retries: { max: 1, backoff: 'fixed', delayMs: 10 } },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
      ]),
      {},
      null,
      now,
    );
    let [dispatch] = run.start(now);
    for (let loss = 1; loss <= MAX_WORKER_LOSSES; loss += 1) {
      run.startTask('a', dispatch.attempt, now);
      [dispatch] = run.reassignTask('a', now);
      expect(run.taskRun('a').state).toBe('queued');
    }
    run.startTask('a', dispatch.attempt, now);
    [dispatch] = run.reassignTask('a', now);
    expect(run.taskRun('a')).toMatchObject({
      state: 'retrying',
      error: expect.stringMatching(new RegExp(`^lost its worker ${MAX_WORKER_LOSSES + 1} times`)),
    });
    run.startTask('a', dispatch.attempt, now);
    expect(run.reassignTask('a', now)).toEqual([]);
    expect(run.taskRun('a').state).toBe('failed');
    expect(run.taskRun('b').state).toBe('upstream_failed');
    expect(run.state).toBe('failed');
  });

  it('marks downstream upstream_failed and lets a manual retry bring it back', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
      ]),
      {},
      null,
      now,
    );
    run.start(now);
    run.startTask('a', 1, now);
    run.failTask('a', 1, 'no', now, 0);
    expect(run.state).toBe('failed');
    expect(states(run)).toEqual({ a: 'failed', b: 'upstream_failed' });
    const [retry] = run.retryTask('a', now);
    expect(retry.attempt).toBe(2);
    expect(run.state).toBe('running');
    expect(keys(finish(run, retry))).toEqual(['b']);
  });

  it('queues nothing new while paused and picks up on resume; cancel stops everything', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
        { id: 'c', type: 'noop', dependsOn: ['b'] },
      ]),
      {},
      null,
      now,
    );
    const [a] = run.start(now);
    run.pause(now);
    expect(finish(run, a)).toEqual([]);
    expect(keys(run.resume(now))).toEqual(['b']);
    run.cancel('user asked', now);
    expect(states(run)).toEqual({ a: 'succeeded', b: 'cancelled', c: 'cancelled' });
    expect(() => run.resume(now)).toThrow(IllegalTransition);
    expect(run.transitions.at(-1)).toMatchObject({ from: 'running', to: 'cancelled', reason: 'user asked' });
  });

  it('acts for who started it, else for the author of its version; a rerun acts for who asked for it', () => {
    const authored = { ...pinned([{ id: 'a', type: 'noop' }]), createdBy: 'author' };
    const scheduled = WorkflowRun.create(authored, {}, null, now);
    expect(scheduled.toSnapshot().actorId).toBe('author');
    const manual = WorkflowRun.create(authored, {}, null, now, 'starter');
    expect(manual.toSnapshot().actorId).toBe('starter');
    finish(manual, manual.start(now)[0]);
    expect(manual.rerun(now, 'rerunner').toSnapshot()).toMatchObject({ actorId: 'rerunner', rerunOf: manual.id });
    expect(manual.rerunFrom('a', now).toSnapshot().actorId).toBe('starter');
  });

  it('reruns from a task reusing what upstream of it recorded', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'prep', type: 'noop' },
        { id: 'train', type: 'noop', dependsOn: ['prep'], params: { rows: '${{ tasks.prep.outputs.rows }}' } },
      ]),
      {},
      null,
      now,
    );
    const [prep] = run.start(now);
    const [train] = finish(run, prep, { rows: 10 });
    run.startTask(train.key, 1, now);
    run.failTask(train.key, 1, 'oom', now, 0);
    expect(() => run.rerunFrom('prep', now).rerunFrom('train', now)).toThrow(IllegalTransition);
    const rerun = run.rerunFrom('train', now);
    expect(states(rerun)).toEqual({ prep: 'succeeded', train: 'pending' });
    expect(rerun.start(now)).toMatchObject([{ key: 'train', input: { rows: 10 } }]);
    const fromScratch = run.rerun(now);
    expect(keys(fromScratch.start(now))).toEqual(['prep']);
    expect(() => fromScratch.rerunFrom('train', now)).toThrow(IllegalTransition);
  });

  it('refuses a rerun from a task whose upstream did not succeed', () => {
    const run = WorkflowRun.create(
      pinned([
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
      ]),
      {},
      null,
      now,
    );
    run.start(now);
    run.cancel('stop', now);
    expect(() => run.rerunFrom('b', now)).toThrow(RerunNotPossible);
  });

  it('keys a cached task by type, input and upstream outputs, and completes it from a cache hit', () => {
    const run = WorkflowRun.create(
      pinned([{ id: 'a', type: 'noop', params: { x: '${{ params.x }}' }, cache: { ttlSeconds: 60 } }]),
      { x: 1 },
      null,
      now,
    );
    const [a] = run.start(now);
    expect(a.cache).toEqual({ key: 'noop:{"input":{"x":1},"upstream":{}}', ttlSeconds: 60 });
    run.completeFromCache('a', { cached: true }, now);
    expect(run.state).toBe('succeeded');
    expect(run.taskRun('a').toSnapshot().reusedFrom).toBe('cache');
  });

  it('fails a task whose expressions cannot be evaluated', () => {
    const run = WorkflowRun.create(
      pinned([{ id: 'a', type: 'noop', params: { x: '${{ params.n / 0 }}' } }]),
      { n: 1 },
      null,
      now,
    );
    expect(run.start(now)).toEqual([]);
    expect(run.taskRun('a').error).toBe('division by zero');
    expect(run.state).toBe('failed');
  });
});
