import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { VersionHoldsAlias } from '../../domain/errors.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion, versionSubject } from '../services/lookups.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { ArchiveModelVersionCommand } from './archive-model-version.command.js';

/** Retires a version; one an alias still names must be replaced under that alias first. */
@Injectable()
export class ArchiveModelVersionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  execute(command: ArchiveModelVersionCommand): Promise<ModelVersion> {
    return this.transaction.run(async () => {
      const version = await requireVersion(this.versions, command.versionId, { lock: 'update' });
      const held = await this.aliases.namingVersion(version.id);
      if (held.length > 0)
        throw new VersionHoldsAlias(
          held.map((alias) => alias.snapshot.alias),
          'archive',
        );
      version.archive(new Date());
      await this.versions.save(version);
      await this.events.publish('model-registry.model-version.archived.v1', versionSubject(version), {
        aggregateId: version.id,
        aggregateVersion: version.version,
      });
      return version;
    });
  }
}
