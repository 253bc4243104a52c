import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { seededRandom } from '../../../../../test/support/data-pipeline/seeded-random.js';
import { sequentialTwoProportionTest, type JudgedFeedback } from './sequential-test.js';
import { twoProportionTest } from './significance.js';

const OPTIONS = { alpha: 0.05, mixtureSd: 0.1, minSamples: 100 };

/** Feedback alternating between the arms, each right with its own rate. */
function stream(rates: readonly [number, number], perArm: number, random: () => number): JudgedFeedback[] {
  return Array.from({ length: perArm * 2 }, (_, index) => {
    const arm = (index % 2) as 0 | 1;
    return { arm, success: random() < rates[arm] };
  });
}

/** `successes` of `trials` on arm 0 then on arm 1, the successes first: only the last look sees both complete. */
function counts(first: [number, number], second: [number, number]): JudgedFeedback[] {
  const arm = (index: 0 | 1, [successes, trials]: [number, number]) =>
    Array.from({ length: trials }, (_, at) => ({ arm: index, success: at < successes }));
  return [...arm(0, first), ...arm(1, second)];
}

describe('sequentialTwoProportionTest', () => {
  it('computes the mixture likelihood ratio and its interval at a single look, as worked by hand', () => {
    // 60/100 against 50/100: V = 0.0024 + 0.0025 = 0.0049, τ² = 0.01,
    // log Λ = ½ log(0.0049/0.0149) + 0.1²·0.01 / (2·0.0049·0.0149) = 0.128775, p = e^-0.128775 = 0.879172;
    // half-width √(0.0049·0.0149/0.01 · (2 log 20 + log(0.0149/0.0049))) = 0.227735.
    const result = sequentialTwoProportionTest(counts([60, 100], [50, 100]), OPTIONS);
    expect(result.test).toBe('msprt-two-proportion');
    expect(result.statistic).toBeCloseTo(0.128775, 5);
    expect(result.pValue).toBeCloseTo(0.879172, 5);
    expect(result.difference).toBeCloseTo(0.1, 12);
    expect(result.confidenceInterval[0]).toBeCloseTo(-0.127735, 5);
    expect(result.confidenceInterval[1]).toBeCloseTo(0.327735, 5);
    expect(result.significant).toBe(false);
  });

  it('never raises its p-value nor widens its interval as feedback comes in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ arm: fc.constantFrom<0 | 1>(0, 1), success: fc.boolean() }), {
          minLength: 30,
          maxLength: 300,
        }),
        fc.integer({ min: 2, max: 20 }),
        (sequence, minSamples) => {
          fc.pre(sequence.some((f) => f.arm === 0) && sequence.some((f) => f.arm === 1));
          const options = { ...OPTIONS, minSamples };
          const cut = sequence.findIndex((_, index) => {
            const prefix = sequence.slice(0, index + 1);
            return prefix.some((f) => f.arm === 0) && prefix.some((f) => f.arm === 1);
          });
          const early = sequentialTwoProportionTest(
            sequence.slice(0, Math.max(cut + 1, sequence.length - 10)),
            options,
          );
          const late = sequentialTwoProportionTest(sequence, options);
          expect(late.pValue).toBeLessThanOrEqual(early.pValue);
          expect(late.pValue).toBeGreaterThanOrEqual(0);
          expect(late.pValue).toBeLessThanOrEqual(1);
          expect(late.confidenceInterval[1] - late.confidenceInterval[0]).toBeLessThanOrEqual(
            early.confidenceInterval[1] - early.confidenceInterval[0] + 1e-12,
          );
        },
      ),
    );
  });

  it('finds a planted difference (50% against 80%), with an interval below zero', () => {
    const result = sequentialTwoProportionTest(stream([0.5, 0.8], 200, seededRandom(7)), OPTIONS);
    expect(result.significant).toBe(true);
    expect(result.pValue).toBeLessThan(0.05);
    expect(result.confidenceInterval[1]).toBeLessThan(0);
    expect(result.confidenceInterval[0]).toBeLessThan(result.difference);
  });

  it('keeps false positives under alpha when looked at after every feedback, where the fixed-horizon test does not', () => {
    const random = seededRandom(20261207);
    let sequential = 0;
    let peekedFixed = 0;
    const experiments = 200;
    for (let experiment = 0; experiment < experiments; experiment += 1) {
      const sequence = stream([0.7, 0.7], 400, random);
      if (sequentialTwoProportionTest(sequence, OPTIONS).significant) sequential += 1;
      // The fixed-horizon z-test, run after every pair of feedback from the burn-in on, stopping at p < alpha.
      for (let pairs = OPTIONS.minSamples; pairs <= 400; pairs += 1) {
        const upTo = sequence.slice(0, pairs * 2);
        const successes = (arm: 0 | 1) => upTo.filter((f) => f.arm === arm && f.success).length;
        const test = twoProportionTest(
          { successes: successes(0), trials: pairs },
          { successes: successes(1), trials: pairs },
          OPTIONS.alpha,
        );
        if (test.significant) {
          peekedFixed += 1;
          break;
        }
      }
    }
    // No difference: the mixture SPRT's rate is at most alpha (5%, 10 of 200; its binomial sd is 3.1),
    // so 20 is three standard deviations of room. Peeking at the fixed test 301 times rejects about
    // four times as often (Armitage, McPherson and Rowe, 1969): twice the sequential count is a safe floor.
    expect(sequential).toBeLessThanOrEqual(20);
    expect(peekedFixed).toBeGreaterThan(Math.max(2 * sequential, 20));
  });
});
