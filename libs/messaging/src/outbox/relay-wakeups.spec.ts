import { describe, expect, it } from '@jest/globals';
import { RelayWakeups } from './relay-wakeups.js';

function counted(wakeups: RelayWakeups, schema: string): () => number {
  let rings = 0;
  wakeups.register(schema, () => (rings += 1));
  return () => rings;
}

describe('RelayWakeups', () => {
  it('rings the relay of the schema a commit of this process wrote', () => {
    const wakeups = new RelayWakeups();
    const rings = counted(wakeups, 'model_registry');
    const others = counted(wakeups, 'workflow_engine');
    wakeups.wake('model_registry', 4001);
    expect([rings(), others()]).toEqual([1, 0]);
  });

  it('passes over the notification of a commit that already rang in-process', () => {
    const wakeups = new RelayWakeups();
    const rings = counted(wakeups, 'workflow_engine');
    wakeups.wake('workflow_engine', 4001);
    wakeups.notified('workflow_engine', 4001);
    expect(rings()).toBe(1);
  });

  it('rings for notifications of other processes, and before this one knows its own backend', () => {
    const wakeups = new RelayWakeups();
    const rings = counted(wakeups, 'workflow_engine');
    wakeups.notified('workflow_engine', 4001);
    wakeups.wake('workflow_engine', 4002);
    wakeups.notified('workflow_engine', 4003);
    expect(rings()).toBe(3);
  });
});
