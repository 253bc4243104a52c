import { describe, expect, it } from '@jest/globals';
import { ksPValue, populationStabilityIndex } from './drift-statistics.js';

describe('populationStabilityIndex', () => {
  it('sums (actual - expected) * ln(actual / expected) over the bins', () => {
    const psi = populationStabilityIndex([
      { reference: 50, current: 30 },
      { reference: 50, current: 70 },
    ]);
    expect(psi).toBeCloseTo(-0.2 * Math.log(0.6) + 0.2 * Math.log(1.4), 10);
  });

  it('is zero for equal shares and finite when a bin is empty on one side', () => {
    expect(
      populationStabilityIndex([
        { reference: 10, current: 20 },
        { reference: 30, current: 60 },
      ]),
    ).toBeCloseTo(0, 12);
    const unseen = populationStabilityIndex([
      { reference: 100, current: 90 },
      { reference: 0, current: 10 },
    ]);
    expect(Number.isFinite(unseen) && unseen > 0.3).toBe(true);
  });

  it('cannot compare an empty side', () => {
    expect(populationStabilityIndex([{ reference: 0, current: 5 }])).toBeNaN();
  });
});

describe('ksPValue', () => {
  // Q_KS(lambda) at the 5% and 1% critical values of the Kolmogorov distribution.
  const large = 2_000_000;
  const statisticFor = (lambda: number): number => lambda / (1000 + 0.12 + 0.11 / 1000);

  it('matches the Kolmogorov distribution at its critical values', () => {
    expect(ksPValue(statisticFor(1.358), large, large)).toBeCloseTo(0.05, 3);
    expect(ksPValue(statisticFor(1.628), large, large)).toBeCloseTo(0.01, 3);
    expect(ksPValue(statisticFor(1), large, large)).toBeCloseTo(0.27, 2);
  });

  it('is 1 for no difference and falls as D grows', () => {
    expect(ksPValue(0, 100, 100)).toBe(1);
    expect(ksPValue(0.1, 100, 100)).toBeGreaterThan(ksPValue(0.2, 100, 100));
    expect(ksPValue(0.5, 5, 0)).toBeNaN();
  });
});
