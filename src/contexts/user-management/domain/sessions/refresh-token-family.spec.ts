import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RefreshTokenReused } from '../errors.js';
import { RefreshTokenFamily } from './refresh-token-family.js';

type Step = { kind: 'refresh' } | { kind: 'replay'; pick: number } | { kind: 'logout' } | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'refresh' as const }) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'replay' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'logout' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

const LIFETIME_MS = 100_000;

/** Would the family accept this token now? (tried on a copy, so the probe changes nothing) */
function accepts(family: RefreshTokenFamily, token: string, now: Date): boolean {
  const copy = RefreshTokenFamily.restore({
    id: family.id,
    userId: family.userId,
    currentTokenHash: family.currentTokenHash,
    generation: family.generation,
    createdAt: family.createdAt,
    expiresAt: family.expiresAt,
    revokedAt: family.revokedAt,
    revokedReason: family.revokedReason,
    version: family.version,
  });
  try {
    copy.rotate(token, 'probe', now);
    return true;
  } catch {
    return false;
  }
}

describe('refresh token rotation', () => {
  it('keeps at most one live token per family over random refreshes, replays and logouts', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let now = new Date(0);
        const family = RefreshTokenFamily.start({
          sessionId: 's',
          userId: 'u',
          tokenHash: 't0',
          now,
          lifetimeMs: LIFETIME_MS,
        });
        const issued = ['t0'];
        let ended = false;
        for (const [index, next] of steps.entries()) {
          if (next.kind === 'wait') now = new Date(now.getTime() + next.ms);
          if (next.kind === 'logout') {
            family.revoke('logout', now);
            ended = true;
          }
          if (next.kind === 'refresh') {
            const token = `t${index + 1}`;
            const expectSuccess = !ended && now < family.expiresAt;
            try {
              family.rotate(issued[issued.length - 1], token, now);
              issued.push(token);
              expect(expectSuccess).toBe(true);
            } catch {
              expect(expectSuccess).toBe(false);
            }
          }
          if (next.kind === 'replay' && issued.length > 1) {
            const old = issued[next.pick % (issued.length - 1)];
            expect(() => family.rotate(old, 'never', now)).toThrow();
            // A replay ends the family for good: the newest token, the thief's or the victim's, dies too.
            ended = true;
          }
          const live = issued.filter((token) => accepts(family, token, now));
          expect(live.length).toBeLessThanOrEqual(1);
          if (ended) expect(live).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('revokes the family when an old token comes back', () => {
    const now = new Date();
    const family = RefreshTokenFamily.start({ sessionId: 's', userId: 'u', tokenHash: 'a', now, lifetimeMs: 1000 });
    family.rotate('a', 'b', now);
    expect(() => family.rotate('a', 'c', now)).toThrow(RefreshTokenReused);
    expect(family.revokedReason).toBe('reuse');
    expect(family.isLive(now)).toBe(false);
  });
});
