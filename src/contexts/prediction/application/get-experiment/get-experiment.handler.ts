import { Injectable } from '@nestjs/common';
import type { ExperimentOptions } from '../../domain/deployment/feedback-options.js';
import type { ExperimentResult } from '../../domain/experiment/experiment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { ExperimentDecisions, type ExperimentDecision } from '../ports/experiment-decisions.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import { ExperimentEvaluation } from '../services/experiment-evaluation.js';
import type { GetExperimentQuery } from './get-experiment.query.js';

export interface ExperimentView {
  readonly deploymentId: string;
  readonly options: ExperimentOptions;
  readonly result: ExperimentResult;
  readonly decisions: readonly ExperimentDecision[];
}

/** The deployment's experiment: per-variant metrics, the test between its two primary variants, and past promotions. */
@Injectable()
export class GetExperimentHandler {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly evaluation: ExperimentEvaluation,
    private readonly decisions: ExperimentDecisions,
  ) {}

  async execute(query: GetExperimentQuery): Promise<ExperimentView> {
    const deployment = await requireDeployment(this.deployments, query.deploymentId);
    return {
      deploymentId: deployment.id,
      options: deployment.serving.experiment,
      result: await this.evaluation.evaluate(deployment),
      decisions: await this.decisions.list(deployment.id),
    };
  }
}
