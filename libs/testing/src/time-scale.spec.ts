import { describe, expect, it } from '@jest/globals';
import { timeScaleOf } from './time-scale.js';
import { waitFor } from './wait-for.js';

describe('the tests’ time scale', () => {
  it('is 1 unless TEST_TIME_SCALE says otherwise, and takes fractions', () => {
    expect(timeScaleOf(undefined)).toBe(1);
    expect(timeScaleOf('')).toBe(1);
    expect(timeScaleOf('2.5')).toBe(2.5);
  });

  it.each(['0', '-1', 'fast', 'Infinity'])('refuses TEST_TIME_SCALE=%s', (value) => {
    expect(() => timeScaleOf(value)).toThrow(/TEST_TIME_SCALE must be a positive number/);
  });

  it('gives up on a condition that never holds once its deadline passed, naming what it waited for', async () => {
    await expect(waitFor(() => false, { timeoutMs: 50, intervalMs: 10, what: 'nothing' })).rejects.toThrow(
      /^Timed out after \d+ ms.* waiting for nothing$/,
    );
  });
});
