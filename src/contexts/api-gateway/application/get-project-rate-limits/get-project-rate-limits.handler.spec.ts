import { describe, expect, it } from '@jest/globals';
import {
  ACTOR,
  fakeRateLimitPorts,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/api-gateway/fake-ports.js';
import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';
import { GetProjectRateLimitsHandler } from './get-project-rate-limits.handler.js';

const DEFAULTS: RateLimitPolicy[] = [{ scope: 'api-key', limit: 100, windowSeconds: 60 }];

describe('GetProjectRateLimitsHandler', () => {
  it("answers the project's own limits, the defaults and what applies, and no other project's", async () => {
    const { repository, settings } = fakeRateLimitPorts(DEFAULTS);
    const own: RateLimitPolicy[] = [{ scope: 'project', limit: 10, windowSeconds: 1 }];
    const at = new Date('2026-12-07T05:00:00Z');
    await repository.save({ projectId: PROJECT, limits: own, updatedBy: ACTOR, updatedAt: at });
    const handler = new GetProjectRateLimitsHandler(repository, settings);

    expect(await handler.execute({ projectId: PROJECT })).toEqual({
      projectId: PROJECT,
      limits: own,
      defaults: DEFAULTS,
      effective: [...DEFAULTS, ...own],
      updatedAt: at,
    });
    expect(await handler.execute({ projectId: OTHER_PROJECT })).toEqual({
      projectId: OTHER_PROJECT,
      limits: [],
      defaults: DEFAULTS,
      effective: DEFAULTS,
      updatedAt: undefined,
    });
  });
});
