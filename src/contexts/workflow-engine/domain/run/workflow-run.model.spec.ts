import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DefinitionSpec } from '../definition/definition-spec.js';
import { RerunNotPossible, StaleAttempt } from '../errors.js';
import type { RunState } from './run-state.js';
import type { TaskRunState } from './task-run-state.js';
import { WorkflowRun, type PinnedVersion } from './workflow-run.js';

/** a -> (b, c) -> d, and e on its own; a and c retry. */
const TASKS = [
  { id: 'a', dependsOn: [], maxRetries: 1 },
  { id: 'b', dependsOn: ['a'], maxRetries: 0 },
  { id: 'c', dependsOn: ['a'], maxRetries: 2 },
  { id: 'd', dependsOn: ['b', 'c'], maxRetries: 0 },
  { id: 'e', dependsOn: [], maxRetries: 0 },
] as const;
const IDS = TASKS.map((task) => task.id);

const { spec } = DefinitionSpec.build({
  name: 'model',
  tasks: TASKS.map(({ id, dependsOn, maxRetries }) => ({
    id,
    type: 'noop',
    dependsOn: [...dependsOn],
    retries: { max: maxRetries, backoff: 'fixed' as const, delayMs: 10 },
  })),
});
const PINNED: PinnedVersion = { workflowId: 'w', version: 1, projectId: 'p', spec };
const NOW = new Date('2026-01-01T00:00:00Z');

interface TaskModel {
  state: TaskRunState;
  attempt: number;
  retries: number;
}

/** The reference: plain records and a naive fixpoint, nothing shared with the aggregate's code. */
class RunModel {
  run: RunState = 'queued';
  tasks: Record<string, TaskModel> = Object.fromEntries(
    IDS.map((id) => [id, { state: 'pending', attempt: 0, retries: 0 }]),
  );

  eligible(...states: TaskRunState[]): string[] {
    return IDS.filter((id) => states.includes(this.tasks[id].state));
  }

  isFinished(): boolean {
    return ['succeeded', 'failed', 'cancelled'].includes(this.run);
  }

  settle(): void {
    for (let changed = this.run === 'running'; changed;) {
      changed = false;
      for (const { id, dependsOn } of TASKS) {
        const deps = dependsOn.map((dependency) => this.tasks[dependency].state);
        const done = (state: TaskRunState): boolean =>
          ['succeeded', 'failed', 'skipped', 'upstream_failed', 'cancelled'].includes(state);
        if (this.tasks[id].state !== 'pending' || !deps.every(done)) continue;
        const blocked = deps.some((state) => ['failed', 'upstream_failed', 'cancelled'].includes(state));
        this.tasks[id] = blocked
          ? { ...this.tasks[id], state: 'upstream_failed' }
          : { state: 'queued', attempt: 1, retries: 0 };
        changed = true;
      }
    }
    const states = IDS.map((id) => this.tasks[id].state);
    const allDone = states.every((state) => !['pending', 'queued', 'running', 'retrying'].includes(state));
    if ((this.run === 'running' || this.run === 'paused') && allDone) {
      this.run = states.every((state) => state === 'succeeded') ? 'succeeded' : 'failed';
    }
  }
}

interface Real {
  run: WorkflowRun;
}

const pickFrom = (ids: string[], index: number): string => ids[index % ids.length];

type Command = fc.Command<RunModel, Real>;

const commands: fc.Arbitrary<Command>[] = [
  fc.constant<Command>({
    check: (model) => model.run === 'queued',
    run: (model, real) => {
      real.run.start(NOW);
      model.run = 'running';
      model.settle();
      expectSame(model, real);
    },
    toString: () => 'start',
  }),
  fc.nat().map<Command>((index) => ({
    check: (model) => model.eligible('queued', 'retrying').length > 0 && !model.isFinished(),
    run: (model, real) => {
      const id = pickFrom(model.eligible('queued', 'retrying'), index);
      real.run.startTask(id, model.tasks[id].attempt, NOW);
      model.tasks[id].state = 'running';
      expectSame(model, real);
    },
    toString: () => `startTask(#${index})`,
  })),
  fc.nat().map<Command>((index) => ({
    check: (model) => model.eligible('running').length > 0 && !model.isFinished(),
    run: (model, real) => {
      const id = pickFrom(model.eligible('running'), index);
      real.run.completeTask(id, model.tasks[id].attempt, { by: id }, NOW);
      model.tasks[id].state = 'succeeded';
      model.settle();
      expectSame(model, real);
    },
    toString: () => `completeTask(#${index})`,
  })),
  fc.nat().map<Command>((index) => ({
    check: (model) => model.eligible('running').length > 0 && !model.isFinished(),
    run: (model, real) => {
      const id = pickFrom(model.eligible('running'), index);
      real.run.failTask(id, model.tasks[id].attempt, 'boom', NOW, 0.5);
      const task = model.tasks[id];
      const maxRetries = TASKS.find((candidate) => candidate.id === id)!.maxRetries;
      model.tasks[id] =
        task.retries < maxRetries
          ? { state: 'retrying', attempt: task.attempt + 1, retries: task.retries + 1 }
          : { ...task, state: 'failed' };
      model.settle();
      expectSame(model, real);
    },
    toString: () => `failTask(#${index})`,
  })),
  fc.nat().map<Command>((index) => ({
    check: (model) => model.eligible('running', 'retrying').some((id) => model.tasks[id].attempt > 1),
    run: (model, real) => {
      const id = pickFrom(
        model.eligible('running', 'retrying').filter((candidate) => model.tasks[candidate].attempt > 1),
        index,
      );
      expect(() => real.run.completeTask(id, model.tasks[id].attempt - 1, {}, NOW)).toThrow(StaleAttempt);
      expectSame(model, real);
    },
    toString: () => `lateReportOfAnEarlierAttempt(#${index})`,
  })),
  fc.constant<Command>({
    check: (model) => model.run === 'running',
    run: (model, real) => {
      real.run.pause(NOW);
      model.run = 'paused';
      expectSame(model, real);
    },
    toString: () => 'pause',
  }),
  fc.constant<Command>({
    check: (model) => model.run === 'paused',
    run: (model, real) => {
      real.run.resume(NOW);
      model.run = 'running';
      model.settle();
      expectSame(model, real);
    },
    toString: () => 'resume',
  }),
  fc.constant<Command>({
    check: (model) => !model.isFinished(),
    run: (model, real) => {
      real.run.cancel('asked', NOW);
      model.run = 'cancelled';
      for (const id of model.eligible('pending', 'queued', 'running', 'retrying')) model.tasks[id].state = 'cancelled';
      expectSame(model, real);
    },
    toString: () => 'cancel',
  }),
  fc.nat({ max: IDS.length - 1 }).map<Command>((index) => ({
    check: (model) => model.isFinished(),
    run: (model, real) => {
      const from = IDS[index];
      const upstream = upstreamOf(from);
      if (upstream.some((id) => model.tasks[id].state !== 'succeeded')) {
        expect(() => real.run.rerunFrom(from, NOW)).toThrow(RerunNotPossible);
        return;
      }
      real.run = real.run.rerunFrom(from, NOW);
      model.run = 'queued';
      for (const id of IDS) {
        model.tasks[id] = upstream.includes(id)
          ? { state: 'succeeded', attempt: 0, retries: 0 }
          : { state: 'pending', attempt: 0, retries: 0 };
      }
      expectSame(model, real);
    },
    toString: () => `rerunFrom(${IDS[index]})`,
  })),
];

// Worker reports are what moves a run forward; without extra weight most sequences would stall early.
const [start, startTask, completeTask, failTask, ...control] = commands;
const weighted = [start, startTask, startTask, startTask, completeTask, completeTask, failTask, failTask, ...control];

function upstreamOf(id: string): string[] {
  const direct = TASKS.find((task) => task.id === id)!.dependsOn;
  return [...new Set(direct.flatMap((dependency) => [dependency, ...upstreamOf(dependency)]))];
}

function expectSame(model: RunModel, real: Real): void {
  expect(real.run.state).toBe(model.run);
  for (const id of IDS) {
    const taskRun = real.run.taskRun(id);
    expect({ id, state: taskRun.state, attempt: taskRun.attempt }).toEqual({
      id,
      ...model.tasks[id],
      retries: undefined,
    });
  }
}

describe('WorkflowRun against a reference model', () => {
  it('keeps the same run and task states through any sequence of commands', () => {
    fc.assert(
      fc.property(fc.commands(weighted, { maxCommands: 80, size: 'max' }), (sequence) => {
        fc.modelRun(
          () => ({ model: new RunModel(), real: { run: WorkflowRun.create(PINNED, {}, null, NOW) } }),
          sequence,
        );
      }),
      { numRuns: 300 },
    );
  });
});
