import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { RateLimitConfig } from './rate-limit-config.js';

describe('RateLimitConfig', () => {
  it('limits every API key and user by default, with every route weighing 1', () => {
    const config = RateLimitConfig.fromEnv({});
    expect(config.enabled).toBe(true);
    expect(config.defaults).toEqual([
      { scope: 'api-key', limit: 6000, windowSeconds: 60 },
      { scope: 'user', limit: 6000, windowSeconds: 60 },
    ]);
    expect(config.weightOf('GET /api/v1/users/me')).toBe(1);
    expect(config.policyCacheSeconds).toBe(30);
  });

  it('reads policies, route weights, the cache lifetime and the switch', () => {
    const config = RateLimitConfig.fromEnv({
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMITS: 'project:1000/60, deployment:50/1',
      RATE_LIMIT_ROUTE_WEIGHTS: 'POST /api/v1/deployments/:deploymentId/predict=3',
      RATE_LIMIT_POLICY_CACHE_SECONDS: '5',
    });
    expect(config).toMatchObject({ enabled: false, policyCacheSeconds: 5 });
    expect(config.defaults).toEqual([
      { scope: 'project', limit: 1000, windowSeconds: 60 },
      { scope: 'deployment', limit: 50, windowSeconds: 1 },
    ]);
    expect(config.weightOf('POST /api/v1/deployments/:deploymentId/predict')).toBe(3);
    expect(RateLimitConfig.fromEnv({ RATE_LIMITS: 'none' }).defaults).toEqual([]);
  });

  it.each([
    ['RATE_LIMITS', 'planet:10/60'],
    ['RATE_LIMITS', 'user:10'],
    ['RATE_LIMITS', 'user:0/60'],
    ['RATE_LIMITS', 'user:10/60,user:20/60'],
    ['RATE_LIMIT_ROUTE_WEIGHTS', 'predict=3'],
    ['RATE_LIMIT_ROUTE_WEIGHTS', 'GET /x=0'],
    ['RATE_LIMIT_ENABLED', 'maybe'],
  ])('stops the boot naming %s for "%s"', (name, value) => {
    expect(() => RateLimitConfig.fromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => RateLimitConfig.fromEnv({ [name]: value })).toThrow(name);
  });
});
