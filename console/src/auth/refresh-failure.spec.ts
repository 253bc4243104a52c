import { describe, expect, it } from '@jest/globals';
import { refreshFailure, refreshRetryDelayMs } from './refresh-failure';

describe('a failed session refresh', () => {
  it('ends the session only when the API refused the cookie', () => {
    for (const status of [400, 401, 403]) expect(refreshFailure(status)).toBe('ended');
  });

  it('is tried again when the API could not answer: 5xx, 429, or no answer at all', () => {
    for (const status of [500, 502, 503, 504, 429, undefined]) expect(refreshFailure(status)).toBe('retry');
  });

  it("waits as the API's Retry-After says, else doubles from half a second up to eight", () => {
    expect(refreshRetryDelayMs(1, '2')).toBe(2000);
    expect(refreshRetryDelayMs(3, '0')).toBe(0);
    expect(refreshRetryDelayMs(1, '600')).toBe(8000);
    expect([1, 2, 3, 4, 5, 6].map((tries) => refreshRetryDelayMs(tries, null))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(refreshRetryDelayMs(2, 'soon')).toBe(1000);
  });
});
