import type { DatasetVersion } from './dataset-version.js';

/** Versions are written once and never change. */
export abstract class DatasetVersionRepository {
  /** Numbers the version within its dataset (1, 2, ...) as it stores it. */
  abstract add(version: Omit<DatasetVersion, 'number'>): Promise<DatasetVersion>;
  abstract find(id: string): Promise<DatasetVersion | undefined>;
  /** Newest first. */
  abstract listByDataset(datasetId: string): Promise<DatasetVersion[]>;
}
