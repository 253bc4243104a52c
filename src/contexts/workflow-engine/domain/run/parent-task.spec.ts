import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '../json-value.js';
import { childDepthOf, childRunKey, parentTaskOf, parentTaskTrigger } from './parent-task.js';

describe('the parent task a child run records', () => {
  const parent = { runId: 'run-1', key: 'call[2]', attempt: 3 };

  it('is read back from the trigger it wrote, with its depth', () => {
    const trigger = parentTaskTrigger(parent, 'call', 4);
    expect(parentTaskOf(trigger)).toEqual(parent);
    expect(childDepthOf(trigger)).toBe(4);
    expect(trigger.payload).toEqual({ parentRunId: 'run-1', taskId: 'call' });
  });

  it('is absent from runs started any other way', () => {
    const others: JsonValue[] = [
      null,
      'x',
      [],
      { kind: 'schedule', payload: {} },
      { kind: 'parent-task', attempt: '1' },
    ];
    for (const trigger of others) {
      expect(parentTaskOf(trigger)).toBeUndefined();
      expect(childDepthOf(trigger)).toBe(0);
    }
  });

  it('keys one child per parent attempt', () => {
    expect(childRunKey(parent)).toBe('parent-task:run-1:call[2]:3');
    expect(childRunKey({ ...parent, attempt: 4 })).not.toBe(childRunKey(parent));
  });
});
