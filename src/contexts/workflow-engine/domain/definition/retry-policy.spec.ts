import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RetryPolicy } from './retry-policy.js';

describe('RetryPolicy', () => {
  it('allows exactly max retries', () => {
    const policy = RetryPolicy.from({ max: 2, backoff: 'fixed', delayMs: 10 });
    expect([0, 1, 2].map((retries) => policy.allowsRetry(retries))).toEqual([true, true, false]);
    expect(RetryPolicy.NONE.allowsRetry(0)).toBe(false);
  });

  it('doubles an exponential delay up to its cap', () => {
    const policy = RetryPolicy.from({ max: 9, backoff: 'exponential', delayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5].map((retry) => policy.delayBeforeRetry(retry, 0.5))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('keeps a jittered delay between half and all of the backoff delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (delayMs, retry, random) => {
          const plain = RetryPolicy.from({ max: 100, backoff: 'exponential', delayMs, maxDelayMs: 3_600_000 });
          const jittered = RetryPolicy.from({
            max: 100,
            backoff: 'exponential',
            delayMs,
            maxDelayMs: 3_600_000,
            jitter: true,
          });
          const full = plain.delayBeforeRetry(retry, random);
          const delay = jittered.delayBeforeRetry(retry, random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(full / 2));
          expect(delay).toBeLessThanOrEqual(full);
          expect(Number.isSafeInteger(delay)).toBe(true);
        },
      ),
    );
  });
});
