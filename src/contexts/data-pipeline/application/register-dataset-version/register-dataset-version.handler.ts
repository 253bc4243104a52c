import { Injectable } from '@nestjs/common';
import { ObjectNotFoundError, ObjectStore, type ObjectDownload } from '@libs/storage/ports';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { ObjectKeyOutsideProject, RegisteredObjectMissing } from '../../domain/errors.js';
import { requireDataset } from '../services/dataset-lookups.js';
import { projectDataPrefix } from '../services/object-keys.js';
import { VersionIntake } from '../services/version-intake.js';
import type { RegisterDatasetVersionCommand } from './register-dataset-version.command.js';

/**
 * A new version from an object already in the store (a file a job wrote). The bytes are copied to
 * the version's own key as they stream, so the version stays immutable whatever later happens to
 * the original, and its size and SHA-256 are the store's own measure.
 */
@Injectable()
export class RegisterDatasetVersionHandler {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly store: ObjectStore,
    private readonly intake: VersionIntake,
  ) {}

  async execute(command: RegisterDatasetVersionCommand): Promise<DatasetVersion> {
    const dataset = await requireDataset(this.datasets, command.datasetId);
    const prefix = projectDataPrefix(dataset.projectId);
    if (!command.objectKey.startsWith(prefix)) throw new ObjectKeyOutsideProject(prefix);
    const source = await this.sourceObject(command.objectKey);
    return this.intake.intake(dataset, {
      body: source.body,
      format: command.format,
      declaredBytes: source.size,
      producer: command.producer
        ? { kind: command.producer.kind, runId: command.producer.runId, actorId: command.actorId }
        : { kind: 'upload', actorId: command.actorId },
    });
  }

  /** A key with no object is a bad request, not a missing route: the dataset exists. */
  private async sourceObject(key: string): Promise<ObjectDownload> {
    try {
      return await this.store.get(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new RegisteredObjectMissing();
      throw error;
    }
  }
}
