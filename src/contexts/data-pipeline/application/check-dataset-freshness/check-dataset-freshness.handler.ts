import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import type { CheckDatasetFreshnessQuery, DatasetFreshness } from './check-dataset-freshness.query.js';

/**
 * What a `data.await-freshness` task asks at each look: is the dataset's newest version younger than
 * the age it accepts? Another project's dataset answers not found, as the API does.
 */
@Injectable()
export class CheckDatasetFreshnessHandler {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
  ) {}

  async execute(query: CheckDatasetFreshnessQuery): Promise<DatasetFreshness> {
    const dataset = await this.datasets.find(query.datasetId);
    if (dataset?.projectId !== query.projectId) throw new NotFoundError('Dataset', query.datasetId);
    const [newest] = await this.versions.listByDataset(dataset.id);
    if (newest === undefined) return { fresh: false };
    const ageMs = query.at.getTime() - newest.createdAt.getTime();
    return {
      fresh: ageMs < query.maxAgeMs,
      newest: { versionId: newest.id, number: newest.number, createdAt: newest.createdAt },
    };
  }
}
