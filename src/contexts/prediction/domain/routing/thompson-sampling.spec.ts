import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { seededRandom } from '../../../../../test/support/data-pipeline/seeded-random.js';
import { sampleBeta } from './beta-sample.js';
import { thompsonChoice, type BanditArm } from './thompson-sampling.js';
import { pickByWeight } from './traffic-router.js';

const arm = (candidate: string, weight: number, successes: number, failures: number): BanditArm<string> => ({
  candidate,
  weight,
  feedback: { successes, failures },
});

describe('sampleBeta', () => {
  it.each([
    [1, 1],
    [3, 7],
    [40, 12],
  ])('draws Beta(%d, %d) with its mean and variance', (alpha, beta) => {
    const random = seededRandom(11);
    const draws = Array.from({ length: 20_000 }, () => sampleBeta(alpha, beta, random));
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const variance = draws.reduce((sum, draw) => sum + (draw - mean) ** 2, 0) / (draws.length - 1);
    const expectedMean = alpha / (alpha + beta);
    const expectedVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    // The mean of 20,000 draws has a standard error of at most sqrt(1/12 / 20000) = 0.002: 0.01 is five of them.
    expect(Math.abs(mean - expectedMean)).toBeLessThan(0.01);
    expect(Math.abs(variance - expectedVariance) / expectedVariance).toBeLessThan(0.05);
    expect(draws.every((draw) => draw > 0 && draw < 1)).toBe(true);
  });

  it('refuses parameters below 1', () => {
    expect(() => sampleBeta(0.5, 2, Math.random)).toThrow(RangeError);
  });
});

describe('thompsonChoice', () => {
  it('splits by weight, draw for draw, until every arm has its minimum feedback', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 0, max: 19 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (weights, short, point) => {
          const arms = weights.map((weight, index) => arm(`v${index}`, weight, index === 0 ? short : 50, 50));
          expect(thompsonChoice(arms, 20 + 50, () => point)).toBe(pickByWeight(arms, point).candidate);
        },
      ),
    );
  });

  it('ignores the weights once warm: an arm of weight 1 that is far better takes nearly all the traffic', () => {
    const random = seededRandom(3);
    const arms = [arm('heavy', 99, 50, 150), arm('light', 1, 150, 50)];
    const light = Array.from({ length: 2000 }, () => thompsonChoice(arms, 20, random)).filter((c) => c === 'light');
    // Beta(151, 51) against Beta(51, 151): their draws overlap with a chance far below 1e-6.
    expect(light.length).toBe(2000);
  });

  it('in a closed loop moves traffic to the planted better arm', () => {
    const route = seededRandom(20261207);
    const outcome = seededRandom(7);
    const rates: Record<string, number> = { a: 0.5, b: 0.7 };
    const counts: Record<string, { successes: number; failures: number }> = {
      a: { successes: 0, failures: 0 },
      b: { successes: 0, failures: 0 },
    };
    const chosen: string[] = [];
    for (let round = 0; round < 2000; round += 1) {
      const arms = ['a', 'b'].map((name) => ({ candidate: name, weight: 1, feedback: counts[name] }));
      const pick = thompsonChoice(arms, 20, route);
      chosen.push(pick);
      if (outcome() < rates[pick]) counts[pick].successes += 1;
      else counts[pick].failures += 1;
    }
    const lateShare = chosen.slice(1500).filter((pick) => pick === 'b').length / 500;
    // Regret of Thompson sampling grows as log(n) / KL(0.5, 0.7) ≈ 9 log(n): by round 1500 the worse
    // arm has had well under 150 pulls, and its draws beat b's in far fewer than a fifth of rounds.
    expect(lateShare).toBeGreaterThan(0.8);
    expect(counts.b.successes + counts.b.failures).toBeGreaterThan(counts.a.successes + counts.a.failures);
  });
});
