import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { twoProportionTest, welchTest, type SampleSummary } from './significance.js';
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './statistics.js';

function summary(values: number[]): SampleSummary {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { count: values.length, mean, variance };
}

describe('the normal distribution', () => {
  it('matches the table: Φ(1.96) = 0.975, Φ(0) = 0.5, Φ(-1) = 0.1587', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });

  it('inverts it: the 97.5% quantile is 1.959964, the 5% quantile -1.644854', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe("Student's t", () => {
  it('matches the table: t(0.975, 10) = 2.228, and with one degree of freedom it is Cauchy', () => {
    expect(studentTCdf(2.228139, 10)).toBeCloseTo(0.975, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 4);
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 7);
    expect(studentTCdf(-2.015048, 5)).toBeCloseTo(0.05, 5);
  });
});

describe('twoProportionTest', () => {
  it('answers p = 0.05 for z = 1.96', () => {
    // 0.6 against 0.5 over 100 trials each: z = 0.1 / sqrt(0.55 · 0.45 · 0.02) = 1.4213, p = 0.1552.
    const result = twoProportionTest({ successes: 60, trials: 100 }, { successes: 50, trials: 100 }, 0.05);
    expect(result.statistic).toBeCloseTo(1.4213, 3);
    expect(result.pValue).toBeCloseTo(0.1552, 3);
    expect(result.significant).toBe(false);
    // The Wald interval: 0.1 ± 1.96 · sqrt(0.24/100 + 0.25/100).
    expect(result.confidenceInterval[0]).toBeCloseTo(0.1 - 1.959964 * Math.sqrt(0.0049), 5);
    expect(result.confidenceInterval[1]).toBeCloseTo(0.1 + 1.959964 * Math.sqrt(0.0049), 5);
  });

  it('is significant for a large difference over many trials', () => {
    const result = twoProportionTest({ successes: 900, trials: 1000 }, { successes: 700, trials: 1000 }, 0.05);
    expect(result.pValue).toBeLessThan(1e-6);
    expect(result.significant).toBe(true);
    expect(result.confidenceInterval[0]).toBeGreaterThan(0);
  });

  it('answers p = 1 when nothing varies', () => {
    expect(twoProportionTest({ successes: 10, trials: 10 }, { successes: 5, trials: 5 }, 0.05).pValue).toBe(1);
  });

  it('keeps the p-value in [0, 1] and is symmetric in its arguments', () => {
    const proportion = fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([trials, share]) => ({ trials, successes: Math.round(trials * share) }));
    fc.assert(
      fc.property(proportion, proportion, (first, second) => {
        const forward = twoProportionTest(first, second, 0.05);
        const backward = twoProportionTest(second, first, 0.05);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(backward.difference).toBeCloseTo(-forward.difference, 12);
      }),
    );
  });
});

describe('welchTest', () => {
  it("reproduces Wikipedia's first example: t = -2.46, df = 24.99, p = 0.021", () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const result = welchTest(summary(a1), summary(a2), 0.05);
    expect(result.statistic).toBeCloseTo(-2.46, 2);
    expect(result.degreesOfFreedom).toBeCloseTo(24.99, 1);
    expect(result.pValue).toBeCloseTo(0.021, 3);
    expect(result.significant).toBe(true);
    expect(result.confidenceInterval[1]).toBeLessThan(0);
  });

  it('keeps the p-value in [0, 1] and is symmetric in its arguments', () => {
    const sample = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, (first, second) => {
        const forward = welchTest(summary(first), summary(second), 0.05);
        const backward = welchTest(summary(second), summary(first), 0.05);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 9);
      }),
    );
  });
});
