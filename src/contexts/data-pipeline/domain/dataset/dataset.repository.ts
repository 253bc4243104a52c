import type { Dataset } from './dataset.js';

/** Datasets by id and by project; a name is unique within its project. */
export abstract class DatasetRepository {
  /** Throws DatasetNameTaken when the project has a dataset of that name. */
  abstract add(dataset: Dataset): Promise<void>;
  abstract find(id: string): Promise<Dataset | undefined>;
  /** The project's datasets by name. */
  abstract listByProject(projectId: string): Promise<Dataset[]>;
}
