import { Injectable } from '@nestjs/common';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { requireDataset } from '../services/dataset-lookups.js';
import type { ListDatasetVersionsQuery } from './list-dataset-versions.query.js';

/** A dataset's versions, newest first. */
@Injectable()
export class ListDatasetVersionsHandler {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
  ) {}

  async execute(query: ListDatasetVersionsQuery): Promise<DatasetVersion[]> {
    await requireDataset(this.datasets, query.datasetId);
    return this.versions.listByDataset(query.datasetId);
  }
}
