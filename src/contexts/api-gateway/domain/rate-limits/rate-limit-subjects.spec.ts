import { describe, expect, it } from '@jest/globals';
import { RATE_LIMIT_SCOPES, type RateLimitPolicy } from './rate-limit-policy.js';
import { rateLimitSubjects, type RequestFacts } from './rate-limit-subjects.js';

const every: RateLimitPolicy[] = RATE_LIMIT_SCOPES.map((scope) => ({ scope, limit: 10, windowSeconds: 60 }));

describe('rateLimitSubjects', () => {
  it('counts an API key’s prediction per key, project, route and deployment, not per user', () => {
    const facts: RequestFacts = {
      principal: { kind: 'api-key', userId: 'owner', apiKeyId: 'key-1' },
      projectId: 'p1',
      route: 'POST /api/v1/deployments/:deploymentId/predict',
      deploymentId: 'd1',
    };
    expect(rateLimitSubjects(facts, every).map(({ policy, subject }) => [policy.scope, subject])).toEqual([
      ['api-key', 'key-1'],
      ['project', 'p1'],
      ['route', 'POST /api/v1/deployments/:deploymentId/predict'],
      ['deployment', 'd1'],
    ]);
  });

  it('counts a user’s request outside any project per user and route only', () => {
    const facts: RequestFacts = { principal: { kind: 'user', userId: 'u1' }, route: 'GET /api/v1/users/me' };
    expect(rateLimitSubjects(facts, every).map(({ policy }) => policy.scope)).toEqual(['user', 'route']);
  });

  it('counts a caller whose credential is not checked yet on its own budget only', () => {
    const facts: RequestFacts = {
      principal: { kind: 'api-key', apiKeyId: 'hash-1', unchecked: true },
      projectId: 'p1',
      route: 'POST /api/v1/deployments/:deploymentId/predict',
      deploymentId: 'd1',
    };
    expect(rateLimitSubjects(facts, every).map(({ policy, subject }) => [policy.scope, subject])).toEqual([
      ['api-key', 'hash-1'],
    ]);
  });
});
