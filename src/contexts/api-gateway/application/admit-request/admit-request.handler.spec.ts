import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ACTOR,
  fakeRateLimitPorts,
  FixedRateLimitSettings,
  PROJECT,
} from '../../../../../test/support/api-gateway/fake-ports.js';
import type { RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';
import { RateLimited } from '../../domain/rate-limits/rate-limited.js';
import type { AdmitRequestCommand } from './admit-request.command.js';
import { AdmitRequestHandler } from './admit-request.handler.js';
import { RateLimitedRequest } from './rate-limited-request.js';

const PER_KEY: RateLimitPolicy = { scope: 'api-key', limit: 100, windowSeconds: 60 };
const PREDICT = 'POST /api/v1/deployments/:deploymentId/predict';
const byKey = (body: unknown = undefined, route = 'GET /api/v1/deployments/:deploymentId'): AdmitRequestCommand => ({
  principal: { kind: 'api-key', userId: ACTOR, apiKeyId: 'key-1' },
  projectId: PROJECT,
  route,
  body,
});

function admitting(defaults: readonly RateLimitPolicy[], weights: Record<string, number> = {}) {
  const ports = fakeRateLimitPorts(defaults, weights);
  return { ...ports, handler: new AdmitRequestHandler(ports.settings, ports.policies, ports.limiter) };
}

describe('AdmitRequestHandler', () => {
  it('admits up to the limit in a window, then refuses with the seconds until a unit returns', async () => {
    const { handler, clock } = admitting([PER_KEY]);
    for (let call = 0; call < 100; call += 1) {
      clock.advance(100);
      await handler.execute(byKey());
    }
    const refusal = await handler.execute(byKey()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimited);
    // The first admission (at 0.1 s) leaves the window at 60.1 s; it is now 10 s.
    expect(refusal).toMatchObject({ scope: 'api-key', retryAfterSeconds: 51 });
    clock.advance(50_100);
    expect(await handler.execute(byKey())).toEqual([
      { policy: PER_KEY, decision: expect.objectContaining({ allowed: true, remaining: 0 }) },
    ]);
  });

  it('takes one unit per row of a prediction batch, times the route weight', async () => {
    const { handler, limiter } = admitting([PER_KEY], { [PREDICT]: 2 });
    const [use] = await handler.execute(byKey({ instances: Array.from({ length: 20 }, () => [1]) }, PREDICT));
    expect(use?.decision.remaining).toBe(60);
    expect(limiter.calls.map((call) => call.cost)).toEqual([40]);
  });

  it('refuses a batch larger than the whole limit, saying so', async () => {
    const { handler } = admitting([PER_KEY]);
    const refusal = await handler
      .execute(byKey({ instances: Array.from({ length: 101 }, () => [1]) }, PREDICT))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedRequest);
    expect((refusal as RateLimitedRequest).message).toMatch(/costs more than the whole api-key rate limit/);
    expect((refusal as RateLimitedRequest).retryAfterSeconds).toBe(60);
  });

  it("holds a project's requests to its own limits, which replace the default of their scope", async () => {
    const { handler, repository } = admitting([PER_KEY]);
    const tight: RateLimitPolicy = { scope: 'api-key', limit: 2, windowSeconds: 60 };
    const perProject: RateLimitPolicy = { scope: 'project', limit: 50, windowSeconds: 60 };
    await repository.save({ projectId: PROJECT, limits: [tight, perProject], updatedBy: ACTOR, updatedAt: new Date() });
    await handler.execute(byKey());
    const second = await handler.execute(byKey());
    expect(second.map(({ policy, decision }) => [policy.scope, decision.remaining])).toEqual([
      ['api-key', 0],
      ['project', 48],
    ]);
    const refusal = await handler.execute(byKey()).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ scope: 'api-key' });
    expect((refusal as RateLimitedRequest).admission.map(({ policy }) => policy.scope)).toEqual(['api-key']);
  });

  it('counts nothing when rate limits are off or no policy applies', async () => {
    const off = fakeRateLimitPorts([PER_KEY]);
    const disabled = new AdmitRequestHandler(
      new FixedRateLimitSettings([PER_KEY], {}, false),
      off.policies,
      off.limiter,
    );
    expect(await disabled.execute(byKey())).toEqual([]);
    const { handler, limiter } = admitting([PER_KEY]);
    expect(await handler.execute({ ...byKey(), principal: { kind: 'user', userId: ACTOR } })).toEqual([]);
    expect(limiter.calls).toEqual([]);
  });

  it('never admits more than the limit within any window, whatever the costs and pauses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ rows: fc.integer({ min: 1, max: 30 }), pauseMs: fc.integer({ min: 0, max: 20_000 }) }), {
          maxLength: 60,
        }),
        async (requests) => {
          const { handler, clock } = admitting([PER_KEY]);
          const admitted: { at: number; cost: number }[] = [];
          for (const { rows, pauseMs } of requests) {
            clock.advance(pauseMs);
            const body = { instances: Array.from({ length: rows }, () => [0]) };
            const outcome = await handler.execute(byKey(body, PREDICT)).catch((error: unknown) => error);
            if (!(outcome instanceof RateLimited)) admitted.push({ at: clock.nowMs, cost: rows });
          }
          for (const { at } of admitted) {
            const inWindow = admitted.filter((entry) => entry.at > at - 60_000 && entry.at <= at);
            expect(inWindow.reduce((sum, entry) => sum + entry.cost, 0)).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
