import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { blockingResults, reachesBlockOn, type BlockOn } from './blocking.js';
import type { CheckStatus } from './check-result.js';

const STATUSES: readonly CheckStatus[] = ['pass', 'warn', 'fail'];

describe('blocking by consumer', () => {
  it('stops an error consumer at failures, a warn consumer at warnings and failures, and none never', () => {
    const table = (blockOn: BlockOn) => STATUSES.map((status) => reachesBlockOn(status, blockOn));
    expect(table('error')).toEqual([false, false, true]);
    expect(table('warn')).toEqual([false, true, true]);
    expect(table('none')).toEqual([false, false, false]);
  });

  it('keeps exactly the results that reach the setting, in their order, and a stricter setting keeps more', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES)), (statuses) => {
        const results = statuses.map((status, index) => ({ status, index }));
        const warn = blockingResults(results, 'warn');
        const error = blockingResults(results, 'error');
        expect(error.map((result) => result.index)).toEqual(
          results.filter((result) => result.status === 'fail').map((result) => result.index),
        );
        expect(warn.length).toBe(results.filter((result) => result.status !== 'pass').length);
        expect(error.every((result) => warn.includes(result))).toBe(true);
        expect(blockingResults(results, 'none')).toEqual([]);
      }),
    );
  });
});
