import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import type { Deployment, VariantRoll } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { formatModelReference, type ModelReference } from '../../domain/deployment/model-reference.js';
import { RUNTIME_FRAMEWORKS, type Variant } from '../../domain/deployment/variant.js';
import { DeployableVersions } from '../ports/deployable-versions.js';
import { ResponseCache } from '../ports/response-cache.js';
import { Transaction } from '../ports/transaction.js';
import type { FollowAliasCommand } from './follow-alias.command.js';

type AliasReference = Extract<ModelReference, { kind: 'alias' }>;

/**
 * Re-pins every variant that names the moved alias to the version the registry names now (asked
 * again, not taken from the event, so a late or repeated delivery pins the current one). A version
 * that may not be served keeps the old pin. The serving processes switch when they read the new
 * pin (docs/adr/0502); the answers cached for a version the alias moved away from are purged.
 */
@Injectable()
export class FollowAliasHandler {
  private readonly logger = new Logger(FollowAliasHandler.name);

  constructor(
    private readonly transaction: Transaction,
    private readonly deployments: DeploymentRepository,
    private readonly versions: DeployableVersions,
    private readonly events: EventPublisher<PredictionEvents>,
    private readonly cache: ResponseCache,
  ) {}

  async execute(command: FollowAliasCommand): Promise<VariantRoll[]> {
    const following = (await this.deployments.listByProject(command.projectId)).filter((deployment) =>
      deployment.variants.some((variant) => followsAlias(variant, command.alias)),
    );
    const rolls: VariantRoll[] = [];
    for (const { id } of following) rolls.push(...(await this.roll(id, command)));
    // The event's previous version too: after a failure part-way, the redelivery finds the first
    // deployments re-pinned already (no roll), and their old version must still be purged.
    const movedAway = new Set(rolls.map((roll) => roll.from.versionId));
    if (command.previousVersionId) movedAway.add(command.previousVersionId);
    for (const versionId of movedAway) await this.cache.purgeVersion(versionId);
    return rolls;
  }

  private roll(deploymentId: string, command: FollowAliasCommand): Promise<VariantRoll[]> {
    return this.transaction.run(async () => {
      // Read inside the transaction: the save refuses a deployment changed since this read.
      const deployment = await this.deployments.find(deploymentId);
      if (!deployment) return [];
      const moves = [];
      for (const reference of aliasReferences(deployment, command.alias)) {
        const rolls = await this.follow(deployment, reference, command.at);
        if (rolls.length > 0) moves.push({ reference, rolls });
      }
      if (moves.length === 0) return [];
      await this.deployments.save(deployment);
      for (const { reference, rolls } of moves)
        await this.events.publish('prediction.deployment.rolled.v1', rolledPayload(deployment, reference, rolls), {
          aggregateId: deployment.id,
          aggregateVersion: deployment.version,
        });
      return moves.flatMap((move) => move.rolls);
    });
  }

  private async follow(deployment: Deployment, reference: AliasReference, at: Date): Promise<VariantRoll[]> {
    const lookup = await this.versions.lookup(deployment.projectId, reference);
    const refusal = !lookup.deployable
      ? lookup.reason
      : deployment.variants.some(
            (variant) =>
              sameReference(variant.model, reference) &&
              RUNTIME_FRAMEWORKS[variant.runtime] !== lookup.version.framework,
          )
        ? `version ${lookup.version.versionId} is a ${lookup.version.framework} model`
        : undefined;
    if (!lookup.deployable || refusal !== undefined) {
      // The deployment keeps serving what it served: an alias moved to a version that cannot serve
      // must not take the endpoint down.
      this.logger.warn(`deployment ${deployment.id} keeps its pin of ${formatModelReference(reference)}: ${refusal}`);
      return [];
    }
    return deployment.followAlias(reference.modelName, reference.alias, lookup.version, at);
  }
}

function followsAlias(variant: Variant, alias: string): boolean {
  return variant.model.kind === 'alias' && variant.model.alias === alias;
}

function sameReference(model: ModelReference, reference: AliasReference): boolean {
  return model.kind === 'alias' && model.modelName === reference.modelName && model.alias === reference.alias;
}

/** The distinct `model@alias` references of the deployment naming this alias. */
function aliasReferences(deployment: Deployment, alias: string): AliasReference[] {
  const byText = new Map<string, AliasReference>();
  for (const { model } of deployment.variants)
    if (model.kind === 'alias' && model.alias === alias) byText.set(formatModelReference(model), model);
  return [...byText.values()];
}

function rolledPayload(
  deployment: Deployment,
  reference: AliasReference,
  rolls: readonly VariantRoll[],
): PredictionEvents['prediction.deployment.rolled.v1'] {
  return {
    deploymentId: deployment.id,
    projectId: deployment.projectId,
    name: deployment.name,
    model: formatModelReference(reference),
    variants: rolls.map((roll) => ({
      name: roll.variant,
      fromVersionId: roll.from.versionId,
      toVersionId: roll.to.versionId,
    })),
  };
}
