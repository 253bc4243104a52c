import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { InMemoryDeploymentRepository } from '../../../../../test/support/prediction/fake-ports.js';
import {
  InMemoryExperimentDecisions,
  InMemoryPredictionRecords,
} from '../../../../../test/support/prediction/feedback-fakes.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { ExperimentEvaluation } from '../services/experiment-evaluation.js';
import { GetExperimentHandler } from './get-experiment.handler.js';

describe('GetExperimentHandler', () => {
  it('judges the primary variants on the records of the versions they serve now, ignoring shadows', async () => {
    const deployments = new InMemoryDeploymentRepository();
    const [a, b, shadow] = [aVariant('a', 50), aVariant('bb', 50), { ...aVariant('ccc', 0), shadow: true }];
    const deployment = Deployment.create({
      projectId: PROJECT,
      name: 'churn',
      routing: { mode: 'split', requestKeyHeader: 'x-user' },
      variants: [a, b, shadow],
      serving: { experiment: { minSamples: 10 } },
      createdBy: ACTOR,
      at: new Date(),
    });
    await deployments.add(deployment);
    const records = new InMemoryPredictionRecords();
    const counts = { failed: 0, meanLatencyMs: 1, errorCount: 0, meanError: 0, errorVariance: 0 };
    records.outcomesByDeployment.set(deployment.id, [
      { ...counts, variant: 'a', modelVersionId: a.version.versionId, predictions: 20, withFeedback: 20, correct: 10 },
      // A version the variant no longer serves: not counted.
      { ...counts, variant: 'bb', modelVersionId: 'an-old-version', predictions: 50, withFeedback: 50, correct: 50 },
      { ...counts, variant: 'bb', modelVersionId: b.version.versionId, predictions: 20, withFeedback: 20, correct: 12 },
    ]);
    const handler = new GetExperimentHandler(
      deployments,
      new ExperimentEvaluation(records),
      new InMemoryExperimentDecisions(),
    );

    const view = await handler.execute({ deploymentId: deployment.id });

    expect(view.result.arms.map((arm) => [arm.variant, arm.samples, arm.accuracy])).toEqual([
      ['a', 20, 0.5],
      ['bb', 20, 0.6],
    ]);
    expect(view.result.status).toBe('not-significant');
    expect(view.decisions).toEqual([]);
  });

  it('answers 404 for an unknown deployment', async () => {
    const handler = new GetExperimentHandler(
      new InMemoryDeploymentRepository(),
      new ExperimentEvaluation(new InMemoryPredictionRecords()),
      new InMemoryExperimentDecisions(),
    );
    await expect(handler.execute({ deploymentId: '0190a6a0-0000-7000-8000-0000000000f3' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
