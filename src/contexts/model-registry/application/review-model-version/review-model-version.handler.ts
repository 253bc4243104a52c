import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { VersionHoldsAlias } from '../../domain/errors.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { RegistrySettingsRepository } from '../../domain/settings/registry-settings.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireModel, requireVersion, versionSubject } from '../services/lookups.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { ReviewModelVersionCommand } from './review-model-version.command.js';

/** Approves or rejects a version under four eyes, keeping every decision. */
@Injectable()
export class ReviewModelVersionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
    private readonly settings: RegistrySettingsRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  execute(command: ReviewModelVersionCommand): Promise<ModelVersion> {
    return this.transaction.run(async () => {
      // The row lock orders this review against alias moves, which hold the version FOR SHARE.
      const version = await requireVersion(this.versions, command.versionId, { lock: 'update' });
      const { selfApprovalAllowed } = await this.settings.find(version.projectId);
      const decision = version.decide({ ...command, selfApprovalAllowed, at: new Date() });
      if (decision.decision === 'Rejected') await this.refuseIfServingProtected(version);
      await this.versions.save(version);
      const type =
        decision.decision === 'Approved'
          ? 'model-registry.model-version.approved.v1'
          : 'model-registry.model-version.rejected.v1';
      await this.events.publish(
        type,
        { ...versionSubject(version), decidedBy: command.actorId, comment: decision.comment },
        { aggregateId: version.id, aggregateVersion: version.version },
      );
      return version;
    });
  }

  /** A protected alias names only Approved versions, so its holder cannot be rejected under it. */
  private async refuseIfServingProtected(version: ModelVersion): Promise<void> {
    const model = await requireModel(this.models, version.modelId);
    const held = (await this.aliases.namingVersion(version.id))
      .map((alias) => alias.snapshot.alias)
      .filter((alias) => model.isProtected(alias));
    if (held.length > 0) throw new VersionHoldsAlias(held, 'reject');
  }
}
