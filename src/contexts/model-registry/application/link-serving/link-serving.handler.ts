import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../services/lookups.js';
import { Transaction } from '../ports/transaction.js';
import type { LinkServingCommand } from './link-serving.command.js';

/**
 * Records (or, with undefined, forgets) the SageMaker endpoint variant serving a version. Only
 * recorded: the prediction context invokes it, and owns whether it answers.
 */
@Injectable()
export class LinkServingHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly versions: ModelVersionRepository,
  ) {}

  execute(command: LinkServingCommand): Promise<ModelVersion> {
    return this.transaction.run(async () => {
      const version = await requireVersion(this.versions, command.versionId, { lock: 'update' });
      version.linkServing(command.serving, new Date());
      await this.versions.save(version);
      return version;
    });
  }
}
