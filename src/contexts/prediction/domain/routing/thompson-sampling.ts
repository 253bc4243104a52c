import { sampleBeta } from './beta-sample.js';
import type { Variant } from '../deployment/variant.js';
import { pickByWeight, type RouteChoice } from './traffic-router.js';

/** What feedback said of one variant at the version it serves now (docs/adr/0507). */
export interface ArmFeedback {
  readonly successes: number;
  readonly failures: number;
}

export interface BanditArm<T> {
  readonly candidate: T;
  readonly weight: number;
  readonly feedback: ArmFeedback;
}

export const NO_FEEDBACK: ArmFeedback = { successes: 0, failures: 0 };

/**
 * Thompson sampling over Beta(1 + successes, 1 + failures) posteriors: each arm draws a plausible
 * success rate and the highest draw answers, so an arm gets traffic in proportion to the chance it
 * is the best one. Until every arm has `minFeedback` judged answers the configured weights split
 * the traffic: a posterior from a handful of answers would starve an arm on early luck.
 */
export function thompsonChoice<T>(arms: readonly BanditArm<T>[], minFeedback: number, random: () => number): T {
  const warm = arms.every((arm) => arm.feedback.successes + arm.feedback.failures >= minFeedback);
  if (!warm) return pickByWeight(arms, random()).candidate;
  let best = arms[0];
  let bestDraw = -1;
  for (const arm of arms) {
    const draw = sampleBeta(1 + arm.feedback.successes, 1 + arm.feedback.failures, random);
    if (draw > bestDraw) [best, bestDraw] = [arm, draw];
  }
  return best.candidate;
}

export const DEFAULT_MIN_FEEDBACK = 20;

/**
 * The `bandit` routing: the primary variants with a share of the traffic compete on their feedback;
 * shadows get their copy as in every mode.
 */
export function routeByFeedback(
  variants: readonly Variant[],
  minFeedback: number,
  feedbackOf: (variant: Variant) => ArmFeedback,
  random: () => number,
): RouteChoice {
  const arms = variants
    .filter((variant) => !variant.shadow && variant.weight > 0)
    .map((variant) => ({ candidate: variant, weight: variant.weight, feedback: feedbackOf(variant) }));
  return { primary: thompsonChoice(arms, minFeedback, random), shadows: variants.filter((variant) => variant.shadow) };
}
