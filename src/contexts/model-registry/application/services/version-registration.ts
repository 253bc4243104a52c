import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import type { CreateModelVersionCommand } from '../create-model-version/create-model-version.command.js';
import { Transaction } from '../ports/transaction.js';
import { requireModel, versionSubject } from './lookups.js';

/** Registers the next numbered version of a model and announces it, for a person or a workflow task. */
@Injectable()
export class VersionRegistration {
  constructor(
    private readonly transaction: Transaction,
    private readonly models: RegisteredModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  register(command: CreateModelVersionCommand): Promise<ModelVersion> {
    return this.transaction.run(async () => {
      const model = await requireModel(this.models, command.modelId);
      const { actorId, ...facts } = command;
      const version = ModelVersion.register({
        ...facts,
        projectId: model.projectId,
        number: await this.models.takeVersionNumber(model.id),
        registeredBy: actorId,
      });
      await this.versions.save(version);
      const { framework, source, trainingDatasets } = version.snapshot;
      await this.events.publish(
        'model-registry.model-version.created.v1',
        {
          ...versionSubject(version),
          framework,
          registeredBy: actorId,
          source: source ?? null,
          trainingDatasetVersionIds: trainingDatasets.map((dataset) => dataset.datasetVersionId),
        },
        { aggregateId: version.id, aggregateVersion: version.version },
      );
      return version;
    });
  }
}
