import { Injectable } from '@nestjs/common';
import { ConcurrencyError, NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { ModelAlias } from '../../domain/alias/model-alias.js';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { ModelCardRepository } from '../../domain/card/model-card.repository.js';
import { AliasExists, PromotionRefused } from '../../domain/errors.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { checkedAliasName } from '../../domain/names.js';
import { failedPromotionRules } from '../../domain/promotion/promotion-gate.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireModel } from './lookups.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import type { MoveAliasCommand } from '../move-alias/move-alias.command.js';
import { RunLineage } from '../ports/run-lineage.js';
import { Transaction } from '../ports/transaction.js';

/**
 * Points an alias at a version, after its protection and the model's promotion policy allow it:
 * one gate for a person's move and a workflow task's, so a workflow cannot promote what a person
 * could not.
 */
@Injectable()
export class AliasMover {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
    private readonly cards: ModelCardRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
    private readonly runs: RunLineage,
  ) {}

  async move(command: MoveAliasCommand): Promise<ModelAlias> {
    const name = checkedAliasName(command.alias);
    const sourceRecorded = await this.sourceRunRecorded(command.versionId);
    return this.transaction.run(async () => {
      const model = await requireModel(this.models, command.modelId);
      const current = await this.aliases.find(model.id, name);
      if (command.expectedVersion === undefined && current) throw new AliasExists(name);
      if (command.expectedVersion !== undefined && current?.version !== command.expectedVersion) {
        throw new ConcurrencyError('Alias', name);
      }
      // Held FOR SHARE: a review cannot change the candidate's status between this check and the commit.
      const candidate = await this.versions.find(command.versionId, { lock: 'share' });
      if (!candidate || candidate.modelId !== model.id) throw new NotFoundError('Model version', command.versionId);
      const holder = current ? await this.versions.find(current.versionId) : undefined;
      const card = await this.cards.find(candidate.id);
      const failures = failedPromotionRules({
        candidate: { ...viewOf(candidate, sourceRecorded), modelCardFinal: card?.isFinal ?? false },
        currentHolder: holder && { metrics: holder.snapshot.metrics },
        protectedAlias: model.isProtected(name),
        rules: model.policyFor(name),
      });
      if (failures.length > 0) throw new PromotionRefused(name, failures);

      const alias = current ?? ModelAlias.create(model.id, name);
      const previousVersionId = alias.moveTo(candidate.id, command.actorId, new Date());
      await this.aliases.save(alias);
      await this.events.publish(
        'model-registry.alias.moved.v1',
        {
          modelId: model.id,
          projectId: model.projectId,
          alias: name,
          versionId: candidate.id,
          versionNumber: candidate.snapshot.number,
          previousVersionId: previousVersionId ?? null,
          aliasVersion: alias.version,
        },
        { aggregateId: model.id },
      );
      return alias;
    });
  }

  /**
   * Whether the lineage graph knows the candidate's source run. Asked before the transaction, so no
   * row lock waits on it: a version's source never changes, and the candidate is read again inside.
   */
  private async sourceRunRecorded(versionId: string): Promise<boolean> {
    const source = (await this.versions.find(versionId))?.snapshot.source;
    return source !== undefined && (await this.runs.knowsRun(source.runId));
  }
}

function viewOf(version: ModelVersion, sourceRecorded: boolean) {
  return {
    status: version.status,
    hasArtifact: version.artifact !== undefined,
    metrics: version.snapshot.metrics,
    lineageComplete: version.lineageComplete && sourceRecorded,
  };
}
