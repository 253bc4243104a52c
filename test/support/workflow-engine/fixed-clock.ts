import { Clock } from '../../../src/contexts/workflow-engine/application/ports/clock.js';

/** A clock that says what the test tells it to. */
export class FixedClock extends Clock {
  constructor(private current = new Date('2026-01-01T00:00:00Z')) {
    super();
  }

  now(): Date {
    return this.current;
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
