import { describe, expect, it } from '@jest/globals';
import { CheckTimedOut, withinDeadline } from './check-deadline.js';

describe('withinDeadline', () => {
  it('answers the result of work that ends in time', async () => {
    expect(await withinDeadline(Promise.resolve('up'), 1000)).toBe('up');
  });

  it('gives up on work that never ends once the deadline passed', async () => {
    const started = Date.now();
    const never = new Promise<never>(() => undefined);
    await expect(withinDeadline(never, 50)).rejects.toBeInstanceOf(CheckTimedOut);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps the failure of work that fails in time', async () => {
    const refused = new Error('ECONNREFUSED');
    await expect(withinDeadline(Promise.reject(refused), 1000)).rejects.toBe(refused);
  });
});
