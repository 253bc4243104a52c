import type { Provider, Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import { AmbientTransaction } from '@libs/platform';
import { ObjectStore } from '@libs/storage/ports';
import { CreateDatasetHandler } from './application/create-dataset/create-dataset.handler.js';
import { DownloadDatasetVersionHandler } from './application/download-dataset-version/download-dataset-version.handler.js';
import { GetDatasetHandler } from './application/get-dataset/get-dataset.handler.js';
import { GetDatasetVersionHandler } from './application/get-dataset-version/get-dataset-version.handler.js';
import { ListDatasetVersionsHandler } from './application/list-dataset-versions/list-dataset-versions.handler.js';
import { ListDatasetsHandler } from './application/list-datasets/list-datasets.handler.js';
import { DatasetSettings } from './application/ports/dataset-settings.js';
import { LocalTableCopies } from './application/ports/local-table-copies.js';
import { ProjectOfDataset, ProjectOfDatasetVersion } from './application/ports/project-of-dataset.js';
import { QueryEngine } from './application/ports/query-engine.js';
import { Transaction } from './application/ports/transaction.js';
import { RegisterDatasetVersionHandler } from './application/register-dataset-version/register-dataset-version.handler.js';
import { VersionIntake } from './application/services/version-intake.js';
import { UploadDatasetVersionHandler } from './application/upload-dataset-version/upload-dataset-version.handler.js';
import { DatasetRepository } from './domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from './domain/dataset/dataset-version.repository.js';
import { readDuckDbSettings } from './infrastructure/config/data-pipeline-config.js';
import { ConfiguredDatasetSettings } from './infrastructure/config/dataset-settings.js';
import { DuckDbQueryEngine } from './infrastructure/duckdb/duckdb-query-engine.js';
import {
  TypeOrmProjectOfDataset,
  TypeOrmProjectOfDatasetVersion,
} from './infrastructure/persistence/project-of-dataset.js';
import { TypeOrmDatasetRepository } from './infrastructure/persistence/typeorm-dataset.repository.js';
import { TypeOrmDatasetVersionRepository } from './infrastructure/persistence/typeorm-dataset-version.repository.js';
import { TemporaryTableCopies } from './infrastructure/storage/temporary-table-copies.js';

export const USE_CASES: Type[] = [
  CreateDatasetHandler,
  DownloadDatasetVersionHandler,
  GetDatasetHandler,
  GetDatasetVersionHandler,
  ListDatasetVersionsHandler,
  ListDatasetsHandler,
  RegisterDatasetVersionHandler,
  UploadDatasetVersionHandler,
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [VersionIntake];

const DUCKDB_SETTINGS = Symbol('DUCKDB_SETTINGS');

export const ADAPTERS: Provider[] = [
  { provide: DUCKDB_SETTINGS, useFactory: () => readDuckDbSettings(process.env) },
  {
    provide: QueryEngine,
    useFactory: (settings: ReturnType<typeof readDuckDbSettings>) => new DuckDbQueryEngine(settings),
    inject: [DUCKDB_SETTINGS],
  },
  {
    provide: LocalTableCopies,
    useFactory: (store: ObjectStore, settings: ReturnType<typeof readDuckDbSettings>) =>
      new TemporaryTableCopies(store, settings.tempDirectory),
    inject: [ObjectStore, DUCKDB_SETTINGS],
  },
  { provide: DatasetSettings, useFactory: () => ConfiguredDatasetSettings.fromEnv(process.env) },
  AmbientTransaction,
  { provide: Transaction, useExisting: AmbientTransaction },
  outboxEventPublisher({ source: 'data-pipeline', schema: 'data_pipeline' }),
  { provide: DatasetRepository, useClass: TypeOrmDatasetRepository },
  { provide: DatasetVersionRepository, useClass: TypeOrmDatasetVersionRepository },
  { provide: ProjectOfDataset, useClass: TypeOrmProjectOfDataset },
  { provide: ProjectOfDatasetVersion, useClass: TypeOrmProjectOfDatasetVersion },
];
