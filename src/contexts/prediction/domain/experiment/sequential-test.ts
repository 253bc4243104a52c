import type { SignificanceResult } from './significance.js';

/** One judged feedback in the order it arrived: which arm (0 first, 1 second) and whether it was right. */
export interface JudgedFeedback {
  readonly arm: 0 | 1;
  readonly success: boolean;
}

export interface SequentialOptions {
  readonly alpha: number;
  /** The standard deviation of the normal mixture over the difference (τ): the effect size it is tuned to find. */
  readonly mixtureSd: number;
  /** Feedback each arm has before the first look: the normal approximation's burn-in. */
  readonly minSamples: number;
}

/**
 * The mixture sequential probability ratio test of two proportions (Johari, Pekelis and Walsh,
 * "Always valid inference", 2017), on the normal approximation of the difference θ̂ = p̂₁ − p̂₂
 * with variance V = p̂₁(1−p̂₁)/n₁ + p̂₂(1−p̂₂)/n₂. Against a N(0, τ²) mixture over θ the likelihood
 * ratio at each look is Λ = √(V/(V+τ²)) · exp(θ̂²τ² / (2V(V+τ²))); the always-valid p-value is
 * min(1, 1/max Λ) over every look so far, and the interval the running intersection of
 * { θ : Λ(θ) < 1/α }. Looking after every feedback and stopping at the first p < α keeps the
 * false-positive rate at most α, which the fixed-horizon test cannot promise.
 */
export function sequentialTwoProportionTest(
  sequence: Iterable<JudgedFeedback>,
  options: SequentialOptions,
): SignificanceResult {
  const { alpha, mixtureSd, minSamples } = options;
  const tau2 = mixtureSd ** 2;
  const trials = [0, 0];
  const successes = [0, 0];
  let maxLogRatio = 0;
  // A difference of two proportions lies in [-1, 1] before any look narrows it.
  let [low, high] = [-1, 1];
  for (const feedback of sequence) {
    trials[feedback.arm] += 1;
    if (feedback.success) successes[feedback.arm] += 1;
    if (trials[0] < minSamples || trials[1] < minSamples) continue;
    const [p1, p2] = [successes[0] / trials[0], successes[1] / trials[1]];
    const variance = (p1 * (1 - p1)) / trials[0] + (p2 * (1 - p2)) / trials[1];
    // Every answer right (or wrong) on both arms: the approximation has no spread to judge by yet.
    if (variance === 0) continue;
    const difference = p1 - p2;
    const logRatio =
      0.5 * Math.log(variance / (variance + tau2)) + (difference ** 2 * tau2) / (2 * variance * (variance + tau2));
    maxLogRatio = Math.max(maxLogRatio, logRatio);
    const halfWidth = Math.sqrt(
      ((variance * (variance + tau2)) / tau2) * (2 * Math.log(1 / alpha) + Math.log((variance + tau2) / variance)),
    );
    const [nextLow, nextHigh] = [Math.max(low, difference - halfWidth), Math.min(high, difference + halfWidth)];
    // Intervals of a drifting difference can stop overlapping: an empty intersection leaves the interval as it was.
    if (nextLow <= nextHigh) [low, high] = [nextLow, nextHigh];
  }
  if (trials[0] < 1 || trials[1] < 1) throw new RangeError('both proportions need at least one trial');
  const difference = successes[0] / trials[0] - successes[1] / trials[1];
  const pValue = Math.min(1, Math.exp(-maxLogRatio));
  return {
    test: 'msprt-two-proportion',
    statistic: maxLogRatio,
    pValue,
    difference,
    confidenceInterval: [low, high],
    confidenceLevel: 1 - alpha,
    significant: pValue < alpha,
  };
}
