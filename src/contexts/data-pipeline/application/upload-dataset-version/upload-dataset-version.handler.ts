import { Injectable } from '@nestjs/common';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { requireDataset } from '../services/dataset-lookups.js';
import { VersionIntake } from '../services/version-intake.js';
import type { UploadDatasetVersionCommand } from './upload-dataset-version.command.js';

/** A new version from a file the client streams in. */
@Injectable()
export class UploadDatasetVersionHandler {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly intake: VersionIntake,
  ) {}

  async execute(command: UploadDatasetVersionCommand): Promise<DatasetVersion> {
    const dataset = await requireDataset(this.datasets, command.datasetId);
    return this.intake.intake(dataset, {
      body: command.body,
      format: command.format,
      declaredBytes: command.declaredBytes,
      producer: { kind: 'upload', actorId: command.actorId },
    });
  }
}
