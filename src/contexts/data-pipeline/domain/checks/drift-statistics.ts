/** Counts of one bin (a category, or a numeric interval) in the reference and the current table. */
export interface BinCounts {
  readonly reference: number;
  readonly current: number;
}

/**
 * A bin empty on one side would make PSI infinite; floor each share at this, as scorecard
 * practice does, so one unseen category weighs heavily but finitely.
 */
const MIN_SHARE = 1e-4;

/** Population stability index: sum over bins of (current - reference) * ln(current / reference) shares. */
export function populationStabilityIndex(bins: readonly BinCounts[]): number {
  const referenceTotal = bins.reduce((sum, bin) => sum + bin.reference, 0);
  const currentTotal = bins.reduce((sum, bin) => sum + bin.current, 0);
  if (referenceTotal === 0 || currentTotal === 0) return Number.NaN;
  return bins.reduce((psi, bin) => {
    const expected = Math.max(bin.reference / referenceTotal, MIN_SHARE);
    const actual = Math.max(bin.current / currentTotal, MIN_SHARE);
    return psi + (actual - expected) * Math.log(actual / expected);
  }, 0);
}

/**
 * The asymptotic p-value of a two-sample Kolmogorov-Smirnov statistic D for samples of n and m
 * values: Q_KS((sqrt(Ne) + 0.12 + 0.11 / sqrt(Ne)) * D) with Ne = n m / (n + m), Stephens' correction.
 */
export function ksPValue(statistic: number, n: number, m: number): number {
  if (n === 0 || m === 0) return Number.NaN;
  const effective = Math.sqrt((n * m) / (n + m));
  return kolmogorovSurvival((effective + 0.12 + 0.11 / effective) * statistic);
}

/** Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2); the series only converges away from 0, where Q is 1. */
function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j += 1) {
    const term = 2 * (j % 2 === 1 ? 1 : -1) * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) return Math.min(1, Math.max(0, sum));
  }
  return 1;
}
