import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './statistics.js';

/** A test of first against second: the difference is first minus second, its interval at 1 - alpha. */
export interface SignificanceResult {
  readonly test: 'two-proportion-z' | 'welch-t' | 'msprt-two-proportion';
  /** z, t, or for the sequential test the largest log mixture likelihood ratio so far. */
  readonly statistic: number;
  readonly degreesOfFreedom?: number;
  readonly pValue: number;
  readonly difference: number;
  readonly confidenceInterval: readonly [number, number];
  readonly confidenceLevel: number;
  readonly significant: boolean;
}

export interface Proportion {
  readonly successes: number;
  readonly trials: number;
}

export interface SampleSummary {
  readonly count: number;
  readonly mean: number;
  /** The sample (n - 1) variance. */
  readonly variance: number;
}

/**
 * The fixed-horizon two-proportion z-test: the statistic on the pooled proportion (the null says
 * they are equal), the interval on the unpooled standard error (the usual Wald interval).
 */
export function twoProportionTest(first: Proportion, second: Proportion, alpha: number): SignificanceResult {
  if (first.trials < 1 || second.trials < 1) throw new RangeError('both proportions need at least one trial');
  const [p1, p2] = [first.successes / first.trials, second.successes / second.trials];
  const pooled = (first.successes + second.successes) / (first.trials + second.trials);
  const pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / first.trials + 1 / second.trials));
  const difference = p1 - p2;
  const z = pooledError === 0 ? 0 : difference / pooledError;
  const pValue = pooledError === 0 ? 1 : twoSided(1 - normalCdf(Math.abs(z)));
  const error = Math.sqrt((p1 * (1 - p1)) / first.trials + (p2 * (1 - p2)) / second.trials);
  const margin = normalQuantile(1 - alpha / 2) * error;
  return result('two-proportion-z', z, undefined, pValue, difference, margin, alpha);
}

/** Welch's t-test of two means with unequal variances; Welch–Satterthwaite degrees of freedom. */
export function welchTest(first: SampleSummary, second: SampleSummary, alpha: number): SignificanceResult {
  if (first.count < 2 || second.count < 2) throw new RangeError('both samples need at least two values');
  const [v1, v2] = [first.variance / first.count, second.variance / second.count];
  const error = Math.sqrt(v1 + v2);
  const difference = first.mean - second.mean;
  if (error === 0) {
    // No spread at all: the means either are the same or differ beyond any doubt.
    return result(
      'welch-t',
      difference === 0 ? 0 : Math.sign(difference) * Infinity,
      undefined,
      difference === 0 ? 1 : 0,
      difference,
      0,
      alpha,
    );
  }
  // Welch–Satterthwaite, on the shares of the variance so tiny variances do not underflow to 0/0.
  const [s1, s2] = [v1 / (v1 + v2), v2 / (v1 + v2)];
  const df = 1 / (s1 ** 2 / (first.count - 1) + s2 ** 2 / (second.count - 1));
  const t = difference / error;
  const pValue = twoSided(1 - studentTCdf(Math.abs(t), df));
  const margin = studentTQuantile(1 - alpha / 2, df) * error;
  return result('welch-t', t, df, pValue, difference, margin, alpha);
}

const twoSided = (upperTail: number): number => Math.min(1, Math.max(0, 2 * upperTail));

function result(
  test: SignificanceResult['test'],
  statistic: number,
  degreesOfFreedom: number | undefined,
  pValue: number,
  difference: number,
  margin: number,
  alpha: number,
): SignificanceResult {
  return {
    test,
    statistic,
    ...(degreesOfFreedom === undefined ? {} : { degreesOfFreedom }),
    pValue,
    difference,
    confidenceInterval: [difference - margin, difference + margin],
    confidenceLevel: 1 - alpha,
    significant: pValue < alpha,
  };
}
