import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InMemoryTaskTypeRegistry } from '../application/services/in-memory-task-type.registry.js';
import { AjvJsonSchemaValidator } from '../infrastructure/adapters/ajv-json-schema.validator.js';
import { CronParserCalendar } from '../infrastructure/adapters/cron-parser-calendar.js';
import { DefinitionValidator } from './definition/definition-validator.js';
import { WorkflowDefinitionInvalid } from './errors.js';
import type { TaskDispatch } from './run/task-dispatch.js';
import { WorkflowRun } from './run/workflow-run.js';

const validator = new DefinitionValidator(
  new AjvJsonSchemaValidator(),
  new InMemoryTaskTypeRegistry(),
  new CronParserCalendar(),
);
const now = new Date('2026-01-01T00:00:00Z');

interface RandomDag {
  readonly tasks: { id: string; type: 'noop'; dependsOn: string[] }[];
}

/**
 * Up to 200 tasks, each depending on a few tasks shortly before it (acyclic by construction, with
 * long chains), plus a few edges the other way that close a cycle in about half the graphs; the task
 * order is shuffled afterwards so the validator cannot lean on it.
 */
const randomDag: fc.Arbitrary<RandomDag> = fc
  .integer({ min: 1, max: 200 })
  .chain((size) =>
    fc.record({
      forward: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }), {
        minLength: size,
        maxLength: size,
      }),
      backward: fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.integer({ min: 1, max: 8 })), { maxLength: 2 }),
      order: fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size }),
    }),
  )
  .map(({ forward, backward, order }) => {
    const dependsOn = forward.map(
      (offsets, index) => new Set(offsets.map((offset) => index - offset).filter((d) => d >= 0)),
    );
    for (const [from, offset] of backward) if (from + offset < dependsOn.length) dependsOn[from].add(from + offset);
    return {
      tasks: order.map((index) => ({
        id: `t${index}`,
        type: 'noop' as const,
        dependsOn: [...dependsOn[index]].map((d) => `t${d}`),
      })),
    };
  });

/** The reference: a graph is acyclic when Kahn's algorithm can remove every node. */
function isAcyclic(dag: RandomDag): boolean {
  const waiting = new Map(dag.tasks.map((task) => [task.id, task.dependsOn.length]));
  const ready = dag.tasks.filter((task) => task.dependsOn.length === 0).map((task) => task.id);
  let removed = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    removed += 1;
    for (const task of dag.tasks.filter((candidate) => candidate.dependsOn.includes(id))) {
      waiting.set(task.id, waiting.get(task.id)! - 1);
      if (waiting.get(task.id) === 0) ready.push(task.id);
    }
  }
  return removed === dag.tasks.length;
}

function validationOf(dag: RandomDag): ReturnType<DefinitionValidator['validate']> | WorkflowDefinitionInvalid {
  try {
    return validator.validate({ name: 'random', tasks: dag.tasks });
  } catch (error) {
    if (error instanceof WorkflowDefinitionInvalid) return error;
    throw error;
  }
}

describe('random DAGs', () => {
  it('are accepted exactly when acyclic, and each reported cycle is a real one', () => {
    fc.assert(
      fc.property(randomDag, (dag) => {
        const result = validationOf(dag);
        expect(result instanceof WorkflowDefinitionInvalid).toBe(!isAcyclic(dag));
        if (!(result instanceof WorkflowDefinitionInvalid)) return;
        const dependsOn = new Map(dag.tasks.map((task) => [task.id, task.dependsOn]));
        for (const problem of result.errors!) {
          const path = /^dependency cycle: (.+)$/.exec(problem.message)![1].split(' -> ');
          expect(path[0]).toBe(path[path.length - 1]);
          path.slice(1).forEach((next, index) => expect(dependsOn.get(path[index])).toContain(next));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('plan layers that hold every task once, each after all it depends on', () => {
    fc.assert(
      fc.property(randomDag.filter(isAcyclic), (dag) => {
        const layers = validator.validate({ name: 'random', tasks: dag.tasks }).layers();
        const layerOf = new Map(layers.flatMap((layer, index) => layer.map((id) => [id, index] as const)));
        expect(layers.flat()).toHaveLength(dag.tasks.length);
        expect(layerOf.size).toBe(dag.tasks.length);
        for (const task of dag.tasks) {
          for (const dependency of task.dependsOn) expect(layerOf.get(dependency)!).toBeLessThan(layerOf.get(task.id)!);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('run to success with noop tasks, each started only after all it depends on succeeded', () => {
    fc.assert(
      fc.property(randomDag.filter(isAcyclic), fc.infiniteStream(fc.nat()), (dag, picks) => {
        const spec = validator.validate({ name: 'random', tasks: dag.tasks });
        const run = WorkflowRun.create({ workflowId: 'w', version: 1, projectId: 'p', spec }, {}, null, now);
        const outstanding: TaskDispatch[] = run.start(now);
        const started = new Set<string>();
        const pick = picks[Symbol.iterator]();
        // The simulated executor completes whatever is outstanding, in an order chosen by fast-check.
        while (outstanding.length > 0) {
          const [dispatch] = outstanding.splice(pick.next().value % outstanding.length, 1);
          for (const dependency of spec.task(dispatch.taskId).dependsOn) {
            expect(run.taskRun(dependency).state).toBe('succeeded');
          }
          expect(started.has(dispatch.key)).toBe(false);
          started.add(dispatch.key);
          run.startTask(dispatch.key, dispatch.attempt, now);
          outstanding.push(...run.completeTask(dispatch.key, dispatch.attempt, { done: dispatch.key }, now));
        }
        expect(started.size).toBe(dag.tasks.length);
        expect(run.allTaskRuns().every((taskRun) => taskRun.state === 'succeeded')).toBe(true);
        expect(run.state).toBe('succeeded');
      }),
      { numRuns: 100 },
    );
  });
});
