import { describe, expect, it } from '@jest/globals';
import { rateLimitHeaders } from './rate-limit-headers.js';

const decision = (remaining: number, resetSeconds: number) => ({
  allowed: true,
  remaining,
  resetSeconds,
  retryAfterSeconds: 0,
});

describe('rateLimitHeaders', () => {
  it('lists every policy and reports the budget with the fewest units left', () => {
    expect(
      rateLimitHeaders([
        { policy: { scope: 'api-key', limit: 100, windowSeconds: 60 }, decision: decision(40, 12) },
        { policy: { scope: 'project', limit: 1000, windowSeconds: 3600 }, decision: decision(7, 900) },
      ]),
    ).toEqual({
      'ratelimit-policy': '"api-key";q=100;w=60, "project";q=1000;w=3600',
      ratelimit: '"project";r=7;t=900',
    });
  });

  it('sends nothing when no policy applied', () => {
    expect(rateLimitHeaders([])).toEqual({});
  });
});
