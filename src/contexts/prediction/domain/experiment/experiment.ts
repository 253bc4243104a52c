import type { ExperimentOptions } from '../deployment/feedback-options.js';
import { sequentialTwoProportionTest, type JudgedFeedback } from './sequential-test.js';
import { twoProportionTest, welchTest, type SignificanceResult } from './significance.js';

/** One primary variant's traffic and feedback at the version it serves now. */
export interface ArmOutcomes {
  readonly variant: string;
  readonly modelVersionId: string;
  readonly predictions: number;
  readonly failed: number;
  readonly meanLatencyMs: number;
  readonly withFeedback: number;
  readonly correct: number;
  readonly errorCount: number;
  readonly meanError: number;
  readonly errorVariance: number;
}

export interface ArmMetrics extends ArmOutcomes {
  readonly errorRate: number;
  /** The share of labelled feedback the variant predicted right; null before any. */
  readonly accuracy: number | null;
  readonly meanAbsoluteError: number | null;
  /** The feedback the configured metric counts. */
  readonly samples: number;
}

export type ExperimentStatus = 'no-pair' | 'collecting' | 'not-significant' | 'significant';

export interface ExperimentResult {
  readonly status: ExperimentStatus;
  readonly arms: readonly ArmMetrics[];
  /** First primary variant against the second: the difference is first minus second. */
  readonly comparison?: {
    readonly first: string;
    readonly second: string;
    readonly test: SignificanceResult;
    /** The better variant when the result is significant. */
    readonly winner?: string;
  };
}

/**
 * Judges the first two primary variants on the configured metric. The fixed-horizon test: none
 * before each has `minSamples` feedback (peeking earlier inflates false positives), then a
 * two-proportion z-test on accuracy or Welch's t on the absolute errors. The sequential test: the
 * mixture SPRT over `sequence`, the two arms' labelled feedback in the order it came.
 */
export function evaluateExperiment(
  options: ExperimentOptions,
  outcomes: readonly ArmOutcomes[],
  sequence: readonly JudgedFeedback[] = [],
): ExperimentResult {
  const arms = outcomes.map((arm) => metricsOf(arm, options));
  const [first, second] = arms;
  if (!first || !second) return { status: 'no-pair', arms };
  if (first.samples < options.minSamples || second.samples < options.minSamples) return { status: 'collecting', arms };
  const test =
    options.test === 'sequential'
      ? sequentialTwoProportionTest(sequence, options)
      : options.metric === 'accuracy'
        ? twoProportionTest(
            { successes: first.correct, trials: first.samples },
            { successes: second.correct, trials: second.samples },
            options.alpha,
          )
        : welchTest(
            { count: first.errorCount, mean: first.meanError, variance: first.errorVariance },
            { count: second.errorCount, mean: second.meanError, variance: second.errorVariance },
            options.alpha,
          );
  // Accuracy: higher is better; mean absolute error: lower is.
  const firstBetter = options.metric === 'accuracy' ? test.difference > 0 : test.difference < 0;
  const winner = test.significant ? (firstBetter ? first.variant : second.variant) : undefined;
  return {
    status: test.significant ? 'significant' : 'not-significant',
    arms,
    comparison: { first: first.variant, second: second.variant, test, ...(winner ? { winner } : {}) },
  };
}

function metricsOf(arm: ArmOutcomes, options: ExperimentOptions): ArmMetrics {
  const labelled = arm.withFeedback;
  return {
    ...arm,
    errorRate: arm.predictions === 0 ? 0 : arm.failed / arm.predictions,
    accuracy: labelled === 0 ? null : arm.correct / labelled,
    meanAbsoluteError: arm.errorCount === 0 ? null : arm.meanError,
    samples: options.metric === 'accuracy' ? labelled : arm.errorCount,
  };
}
