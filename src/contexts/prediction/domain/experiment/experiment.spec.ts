import { describe, expect, it } from '@jest/globals';
import { DEFAULT_EXPERIMENT_OPTIONS, type ExperimentOptions } from '../deployment/feedback-options.js';
import { servingOptions } from '../deployment/serving-options.js';
import { evaluateExperiment, type ArmOutcomes } from './experiment.js';

function arm(variant: string, overrides: Partial<ArmOutcomes> = {}): ArmOutcomes {
  return {
    variant,
    modelVersionId: `version-${variant}`,
    predictions: 100,
    failed: 0,
    meanLatencyMs: 3,
    withFeedback: 0,
    correct: 0,
    errorCount: 0,
    meanError: 0,
    errorVariance: 0,
    ...overrides,
  };
}

const mae: ExperimentOptions = { ...DEFAULT_EXPERIMENT_OPTIONS, metric: 'mae', minSamples: 30 };

describe('evaluateExperiment', () => {
  it('needs two primary variants', () => {
    expect(evaluateExperiment(DEFAULT_EXPERIMENT_OPTIONS, [arm('a')]).status).toBe('no-pair');
  });

  it('runs no test before each variant has the minimum sample, but shows the metrics', () => {
    const result = evaluateExperiment(DEFAULT_EXPERIMENT_OPTIONS, [
      arm('a', { withFeedback: 99, correct: 90, failed: 5 }),
      arm('b', { withFeedback: 200, correct: 100 }),
    ]);
    expect(result.status).toBe('collecting');
    expect(result.comparison).toBeUndefined();
    expect(result.arms[0]).toMatchObject({ accuracy: 90 / 99, errorRate: 0.05, samples: 99 });
  });

  it('judges the mean absolute error with Welch’s t, and the lower error wins', () => {
    const result = evaluateExperiment(mae, [
      arm('a', { errorCount: 50, meanError: 2.0, errorVariance: 1 }),
      arm('b', { errorCount: 60, meanError: 1.2, errorVariance: 0.8 }),
    ]);
    expect(result.status).toBe('significant');
    expect(result.comparison).toMatchObject({ first: 'a', second: 'b', winner: 'b', test: { test: 'welch-t' } });
    expect(result.comparison?.test.difference).toBeCloseTo(0.8, 10);
  });

  it('runs the sequential test over the labelled feedback in order when the experiment asks for it', () => {
    const sequential: ExperimentOptions = { ...DEFAULT_EXPERIMENT_OPTIONS, test: 'sequential', minSamples: 20 };
    // a right 1 time in 4, b always: b wins on the order the feedback came in.
    const sequence = Array.from({ length: 120 }, (_, index) => ({
      arm: (index % 2) as 0 | 1,
      success: index % 2 === 1 || index % 8 === 0,
    }));
    const result = evaluateExperiment(
      sequential,
      [arm('a', { withFeedback: 60, correct: 15 }), arm('b', { withFeedback: 60, correct: 60 })],
      sequence,
    );
    expect(result.status).toBe('significant');
    expect(result.comparison).toMatchObject({ winner: 'b', test: { test: 'msprt-two-proportion' } });
    expect(result.comparison?.test.difference).toBeCloseTo(-0.75, 12);
  });

  it('refuses the sequential test for values: it compares proportions', () => {
    expect(() => servingOptions({ experiment: { metric: 'mae', test: 'sequential' } })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'serving.experiment.test' })] }),
    );
  });

  it('names no winner when the errors do not differ significantly', () => {
    const result = evaluateExperiment(mae, [
      arm('a', { errorCount: 40, meanError: 1.5, errorVariance: 1 }),
      arm('b', { errorCount: 40, meanError: 1.45, errorVariance: 1 }),
    ]);
    expect(result.status).toBe('not-significant');
    expect(result.comparison?.winner).toBeUndefined();
  });
});
