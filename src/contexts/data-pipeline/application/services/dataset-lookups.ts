import { NotFoundError } from '@libs/ddd';
import type { Dataset } from '../../domain/dataset/dataset.js';
import type { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import type { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';

export async function requireDataset(datasets: DatasetRepository, id: string): Promise<Dataset> {
  const dataset = await datasets.find(id);
  if (!dataset) throw new NotFoundError('Dataset', id);
  return dataset;
}

export async function requireDatasetVersion(versions: DatasetVersionRepository, id: string): Promise<DatasetVersion> {
  const version = await versions.find(id);
  if (!version) throw new NotFoundError('Dataset version', id);
  return version;
}
