import { describe, expect, it } from '@jest/globals';
import { InMemoryDeploymentRepository } from '../../../../../test/support/prediction/fake-ports.js';
import {
  InMemoryExperimentDecisions,
  InMemoryPredictionRecords,
  ListedPromotingDeployments,
  ScriptedAliasPromotion,
} from '../../../../../test/support/prediction/feedback-fakes.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { VariantOutcomes } from '../ports/prediction-records.js';
import { ExperimentEvaluation } from '../services/experiment-evaluation.js';
import { PromoteExperimentWinnersHandler } from './promote-experiment-winners.handler.js';

const [champion, challenger] = [aVariant('a', 50), aVariant('bb', 50)];

function outcomes(variant: typeof champion, correct: number, labelled = 200): VariantOutcomes {
  return {
    variant: variant.name,
    modelVersionId: variant.version.versionId,
    predictions: labelled,
    failed: 0,
    meanLatencyMs: 2,
    withFeedback: labelled,
    correct,
    errorCount: 0,
    meanError: 0,
    errorVariance: 0,
  };
}

async function arrange(promote: { enabled: boolean; alias: string } = { enabled: true, alias: 'champion' }) {
  const deployments = new InMemoryDeploymentRepository();
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-user' },
    variants: [champion, challenger],
    serving: { experiment: { minSamples: 100, promote } },
    createdBy: ACTOR,
    at: new Date(),
  });
  await deployments.add(deployment);
  const records = new InMemoryPredictionRecords();
  const promotion = new ScriptedAliasPromotion();
  promotion.aliases.set('churn@champion', champion.version.versionId);
  const decisions = new InMemoryExperimentDecisions();
  const handler = new PromoteExperimentWinnersHandler(
    new ListedPromotingDeployments([deployment.id]),
    deployments,
    new ExperimentEvaluation(records),
    promotion,
    decisions,
  );
  return { deployment, records, promotion, decisions, handler };
}

describe('PromoteExperimentWinnersHandler', () => {
  it('moves the alias to a significantly better challenger as the deployment’s creator, once', async () => {
    const { deployment, records, promotion, decisions, handler } = await arrange();
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 140), outcomes(challenger, 180)]);

    const round = await handler.execute({ at: new Date() });

    expect(round).toEqual({ evaluated: 1, moved: 1, refused: 0 });
    expect(promotion.requests).toEqual([
      {
        projectId: PROJECT,
        modelName: 'churn',
        alias: 'champion',
        versionId: challenger.version.versionId,
        actorId: ACTOR,
      },
    ]);
    expect(decisions.decisions[0]).toMatchObject({ outcome: 'moved', winnerVariant: 'bb' });

    // Someone moves the alias back: the same result is never acted on twice.
    promotion.aliases.set('churn@champion', champion.version.versionId);
    expect(await handler.execute({ at: new Date() })).toEqual({ evaluated: 1, moved: 0, refused: 0 });
    expect(promotion.requests).toHaveLength(1);
  });

  it('moves nothing when the difference is not significant', async () => {
    const { deployment, records, promotion, handler } = await arrange();
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 150), outcomes(challenger, 155)]);

    expect(await handler.execute({ at: new Date() })).toEqual({ evaluated: 1, moved: 0, refused: 0 });
    expect(promotion.requests).toEqual([]);
  });

  it('moves nothing when the alias names the winner already', async () => {
    const { deployment, records, promotion, handler } = await arrange();
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 190), outcomes(challenger, 120)]);

    await handler.execute({ at: new Date() });

    expect(promotion.requests).toEqual([]);
  });

  it('records the registry’s refusal and does not ask again', async () => {
    const { deployment, records, promotion, decisions, handler } = await arrange();
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 140), outcomes(challenger, 180)]);
    promotion.refusal = 'The version may not take alias champion: approved failed';

    expect(await handler.execute({ at: new Date() })).toEqual({ evaluated: 1, moved: 0, refused: 1 });
    await handler.execute({ at: new Date() });

    expect(promotion.requests).toHaveLength(1);
    expect(decisions.decisions[0]).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/approved/) });
  });

  it('waits for the minimum sample before testing at all', async () => {
    const { deployment, records, promotion, handler } = await arrange();
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 10, 50), outcomes(challenger, 50, 50)]);

    await handler.execute({ at: new Date() });

    expect(promotion.requests).toEqual([]);
  });

  it('leaves a deployment whose promotion is off alone', async () => {
    const { deployment, records, promotion, handler } = await arrange({ enabled: false, alias: 'champion' });
    records.outcomesByDeployment.set(deployment.id, [outcomes(champion, 140), outcomes(challenger, 180)]);

    expect(await handler.execute({ at: new Date() })).toEqual({ evaluated: 0, moved: 0, refused: 0 });
    expect(promotion.requests).toEqual([]);
  });
});
