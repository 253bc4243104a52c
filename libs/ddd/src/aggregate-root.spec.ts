import { describe, expect, it } from '@jest/globals';
import { AggregateRoot } from './aggregate-root.js';
import { isUuidV7, newId, uuidV7Floor } from './uuid.js';

class Counter extends AggregateRoot {
  static create(): Counter {
    return new Counter(newId());
  }
  bump(): void {
    this.record({ name: 'bumped', occurredAt: new Date() });
  }
}

describe('AggregateRoot', () => {
  it('hands over recorded events once and forgets them', () => {
    const counter = Counter.create();
    counter.bump();
    counter.bump();
    expect(counter.pullEvents().map((e) => e.name)).toEqual(['bumped', 'bumped']);
    expect(counter.pullEvents()).toEqual([]);
  });

  it('moves its version forward when saved', () => {
    const counter = Counter.create();
    counter.markSaved();
    counter.markSaved();
    expect(counter.version).toBe(2);
  });

  it('gets a time-ordered UUIDv7 id', () => {
    const first = newId();
    const second = newId();
    expect(isUuidV7(first)).toBe(true);
    expect(first < second).toBe(true);
  });

  it('orders ids made before a moment below its UUIDv7 floor', () => {
    const before = newId();
    const floor = uuidV7Floor(new Date(Date.now() + 2));
    expect(before < floor).toBe(true);
    expect(uuidV7Floor(new Date(0))).toBe('00000000-0000-7000-8000-000000000000');
  });
});
