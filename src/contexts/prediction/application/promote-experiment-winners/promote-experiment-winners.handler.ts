import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@libs/ddd';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { AliasPromotion } from '../ports/alias-promotion.js';
import { ExperimentDecisions } from '../ports/experiment-decisions.js';
import { PromotingDeployments } from '../ports/promoting-deployments.js';
import { ExperimentEvaluation } from '../services/experiment-evaluation.js';
import type { PromoteExperimentWinnersCommand, PromotionRound } from './promote-experiment-winners.command.js';

type Decision = 'none' | 'moved' | 'refused';

/**
 * Moves a deployment's alias to its experiment's winner when the result is significant and the
 * alias names another version. The registry decides whether it may (its protection and promotion
 * policy) and audits the move; the move is asked as the deployment's creator (docs/adr/0505). One
 * decision per (deployment, alias, version): a refused or reverted promotion is never retried.
 */
@Injectable()
export class PromoteExperimentWinnersHandler {
  private readonly logger = new Logger(PromoteExperimentWinnersHandler.name);

  constructor(
    private readonly promoting: PromotingDeployments,
    private readonly deployments: DeploymentRepository,
    private readonly evaluation: ExperimentEvaluation,
    private readonly promotion: AliasPromotion,
    private readonly decisions: ExperimentDecisions,
  ) {}

  async execute(command: PromoteExperimentWinnersCommand): Promise<PromotionRound> {
    const round = { evaluated: 0, moved: 0, refused: 0 };
    for (const id of await this.promoting.ids()) {
      const deployment = await this.deployments.find(id);
      if (!deployment?.serving.experiment.promote.enabled) continue;
      round.evaluated++;
      const decision = await this.decide(deployment, command.at);
      if (decision !== 'none') round[decision]++;
    }
    return round;
  }

  private async decide(deployment: Deployment, at: Date): Promise<Decision> {
    const result = await this.evaluation.evaluate(deployment);
    const winner = result.comparison?.winner ? deployment.variant(result.comparison.winner) : undefined;
    if (!result.comparison || !winner) return 'none';
    const { alias } = deployment.serving.experiment.promote;
    const { modelName, versionId } = winner.version;
    const current = await this.promotion.current(deployment.projectId, modelName, alias);
    if (current === versionId) return 'none';
    if (await this.decisions.decided(deployment.id, alias, versionId)) return 'none';
    const moved = await this.promotion.promote({
      projectId: deployment.projectId,
      modelName,
      alias,
      versionId,
      actorId: deployment.snapshot.createdBy,
    });
    const refused = moved.outcome === 'refused';
    await this.decisions.record({
      id: newId(),
      deploymentId: deployment.id,
      alias,
      modelName,
      winnerVariant: winner.name,
      fromVersionId: current,
      toVersionId: versionId,
      pValue: result.comparison.test.pValue,
      difference: result.comparison.test.difference,
      outcome: refused ? 'refused' : 'moved',
      reason: refused ? moved.reason : `${winner.name} won: p = ${result.comparison.test.pValue.toPrecision(3)}`,
      decidedAt: at,
    });
    this.logger.log(
      `deployment ${deployment.id}: ${modelName}@${alias} -> ${versionId} ${refused ? 'refused' : 'moved'}`,
    );
    return refused ? 'refused' : 'moved';
  }
}
