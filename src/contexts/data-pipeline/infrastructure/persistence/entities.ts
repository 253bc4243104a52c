import { DatasetOrmEntity } from './dataset.orm-entity.js';
import { DatasetVersionOrmEntity } from './dataset-version.orm-entity.js';

/** The tables of datasets and their versions in the `data_pipeline` schema that TypeORM maps. */
export const DATASET_ENTITIES = [DatasetOrmEntity, DatasetVersionOrmEntity];
