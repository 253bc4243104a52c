import { describe, expect, it } from '@jest/globals';
import type { Schemas } from '../api/client';
import { stateOfTask } from './state-of-task';

type TaskRun = Schemas['TaskRunResponse'];

const taskRun = (taskId: string, state: TaskRun['state'], itemIndex?: number): TaskRun => ({
  key: itemIndex === undefined ? taskId : `${taskId}[${itemIndex}]`,
  taskId,
  itemIndex,
  state,
  attempt: 1,
});

describe("a task's state in the run graph", () => {
  it('is its task run state, and nothing for a task that has no run yet', () => {
    const runs = [taskRun('train', 'running')];
    expect(stateOfTask(runs, 'train')).toBe('running');
    expect(stateOfTask(runs, 'ship')).toBeUndefined();
  });

  it('is succeeded for a mapped task only once every item has succeeded', () => {
    const items = [taskRun('score', 'succeeded', 0), taskRun('score', 'running', 1), taskRun('score', 'succeeded', 2)];
    expect(stateOfTask(items, 'score')).toBe('running');
    expect(stateOfTask([items[0], items[2]], 'score')).toBe('succeeded');
  });
});
