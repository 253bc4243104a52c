import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { evaluateExperiment, type ArmOutcomes, type ExperimentResult } from '../../domain/experiment/experiment.js';
import { PredictionRecords } from '../ports/prediction-records.js';

/**
 * A deployment's experiment now: its first two primary variants, each judged only on the records
 * of the version it serves now (a variant whose alias moved starts over).
 */
@Injectable()
export class ExperimentEvaluation {
  constructor(private readonly records: PredictionRecords) {}

  async evaluate(deployment: Deployment): Promise<ExperimentResult> {
    const outcomes = await this.records.outcomes(deployment.id);
    const arms = deployment.variants
      .filter((variant) => !variant.shadow)
      .map((variant): ArmOutcomes => {
        const found = outcomes.find(
          (row) => row.variant === variant.name && row.modelVersionId === variant.version.versionId,
        );
        return found ?? { ...NO_OUTCOMES, variant: variant.name, modelVersionId: variant.version.versionId };
      });
    return evaluateExperiment(deployment.serving.experiment, arms);
  }
}

const NO_OUTCOMES = {
  predictions: 0,
  failed: 0,
  meanLatencyMs: 0,
  withFeedback: 0,
  correct: 0,
  errorCount: 0,
  meanError: 0,
  errorVariance: 0,
};
