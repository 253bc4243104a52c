import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { evaluateExperiment, type ArmOutcomes, type ExperimentResult } from '../../domain/experiment/experiment.js';
import type { JudgedFeedback } from '../../domain/experiment/sequential-test.js';
import { PredictionRecords, type JudgedLabel } from '../ports/prediction-records.js';

/**
 * A deployment's experiment now: its first two primary variants, each judged only on the records
 * of the version it serves now (a variant whose alias moved starts over); the sequential test reads
 * their labelled feedback in order too.
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
    const options = deployment.serving.experiment;
    const sequence = options.test === 'sequential' ? await this.sequenceOf(deployment.id, arms) : [];
    return evaluateExperiment(options, arms, sequence);
  }

  /** The first two arms' labelled feedback in the order it came, for the sequential test. */
  private async sequenceOf(deploymentId: string, arms: readonly ArmOutcomes[]): Promise<JudgedFeedback[]> {
    const armOf = (label: JudgedLabel) =>
      arms.slice(0, 2).findIndex((arm) => arm.variant === label.variant && arm.modelVersionId === label.modelVersionId);
    return (await this.records.judgedLabels(deploymentId)).flatMap((label) => {
      const arm = armOf(label);
      return arm === 0 || arm === 1 ? [{ arm, success: label.correct }] : [];
    });
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
