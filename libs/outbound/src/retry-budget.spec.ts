import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RetryBudget } from './retry-budget.js';

function budget(ratio: number, minimum: number) {
  const clock = { now: 0 };
  return { clock, budget: new RetryBudget({ ratio, minimum, windowMs: 10_000 }, () => clock.now) };
}

describe('RetryBudget', () => {
  it('allows the minimum with no calls, then a share of the calls', () => {
    const { budget: retries } = budget(0.1, 1);
    expect(retries.allowsRetry()).toBe(true);
    retries.recordRetry();
    expect(retries.allowsRetry()).toBe(false);
    for (let call = 0; call < 10; call += 1) retries.recordCall();
    expect(retries.allowsRetry()).toBe(true);
  });

  it('forgets calls and retries older than its window', () => {
    const { clock, budget: retries } = budget(0, 1);
    retries.recordRetry();
    expect(retries.allowsRetry()).toBe(false);
    clock.now += 11_000;
    expect(retries.allowsRetry()).toBe(true);
  });

  it('never lets a retrying caller exceed minimum + ratio × calls in a window', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.boolean(), { maxLength: 300 }),
        (ratio, minimum, steps) => {
          const { budget: retries } = budget(ratio, minimum);
          let calls = 0;
          let retried = 0;
          for (const isCall of steps) {
            if (isCall) {
              retries.recordCall();
              calls += 1;
            } else if (retries.allowsRetry()) {
              retries.recordRetry();
              retried += 1;
            }
          }
          expect(retried).toBeLessThanOrEqual(Math.ceil(minimum + ratio * calls));
        },
      ),
    );
  });
});
