import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { ACTOR, fakeRateLimitPorts, PROJECT } from '../../../../../test/support/api-gateway/fake-ports.js';
import { SetProjectRateLimitsHandler } from './set-project-rate-limits.handler.js';

describe('SetProjectRateLimitsHandler', () => {
  it('stores the limits with who set them, and drops every cached copy', async () => {
    const { repository, policies } = fakeRateLimitPorts([]);
    const handler = new SetProjectRateLimitsHandler(repository, policies);
    const limits = [{ scope: 'deployment', limit: 500, windowSeconds: 60 }] as const;

    await handler.execute({ projectId: PROJECT, limits, actorId: ACTOR });

    expect(await repository.of(PROJECT)).toMatchObject({ projectId: PROJECT, limits, updatedBy: ACTOR });
    expect(policies.invalidated).toEqual([PROJECT]);
  });

  it('refuses a scope given twice, storing nothing and invalidating nothing', async () => {
    const { repository, policies } = fakeRateLimitPorts([]);
    const handler = new SetProjectRateLimitsHandler(repository, policies);
    const twice = [
      { scope: 'user', limit: 5, windowSeconds: 60 },
      { scope: 'user', limit: 6, windowSeconds: 60 },
    ] as const;

    await expect(handler.execute({ projectId: PROJECT, limits: twice, actorId: ACTOR })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await repository.of(PROJECT)).toBeUndefined();
    expect(policies.invalidated).toEqual([]);
  });
});
