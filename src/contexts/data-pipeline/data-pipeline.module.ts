import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextModuleOptions } from '@libs/platform';
import { loadStorageConfig, StorageModule } from '@libs/storage';
import { DatasetFiles } from './contracts/dataset-files.facade.js';
import { DatasetQualityFacade } from './contracts/dataset-quality.facade.js';
import { LineageFacade } from './contracts/lineage.facade.js';
import { PipelineRunLogSource } from './contracts/pipeline-run-log-source.js';
import { DATA_TASK_QUEUE_REGISTRATION } from './data-tasks.providers.js';
import { dataPipelineProviders, PIPELINE_RUN_QUEUE_REGISTRATION } from './data-pipeline.providers.js';
import { DATASET_ENTITIES } from './infrastructure/persistence/entities.js';
import { DatasetVersionsController } from './interface/http/dataset-versions.controller.js';
import { DatasetsController } from './interface/http/datasets.controller.js';
import { LineageController } from './interface/http/lineage.controller.js';
import { CheckRunsController } from './interface/http/check-runs.controller.js';
import { TableSourcesController } from './interface/http/table-sources.controller.js';
import { PipelineRunsController } from './interface/http/pipeline-runs.controller.js';
import { PipelinesController } from './interface/http/pipelines.controller.js';
import { DataPipelineFacadesController } from './interface/http/internal/data-pipeline-facades.controller.js';
import { PipelineRunLogFacadeController } from './interface/http/internal/pipeline-run-log-facade.controller.js';
import { RemoteDataPipelineModule } from './remote-data-pipeline.module.js';

const CONTROLLERS = [
  DatasetsController,
  DatasetVersionsController,
  LineageController,
  CheckRunsController,
  TableSourcesController,
  PipelinesController,
  PipelineRunsController,
  DataPipelineFacadesController,
  PipelineRunLogFacadeController,
];

/** The data-pipeline context: datasets and versions, pipelines, pipeline runs, quality checks, the lineage graph. */
@Module({})
export class DataPipelineModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: DataPipelineModule,
      // The storage settings are read here, so a process without this context needs none of them.
      imports: [
        TypeOrmModule.forFeature(DATASET_ENTITIES),
        StorageModule.forRoot(loadStorageConfig(process.env)),
        ...(options.workers ? [BullModule.registerQueueAsync(DATA_TASK_QUEUE_REGISTRATION)] : []),
        BullModule.registerQueueAsync(PIPELINE_RUN_QUEUE_REGISTRATION),
      ],
      controllers: options.http ? CONTROLLERS : [],
      providers: dataPipelineProviders(options),
      exports: [LineageFacade, DatasetQualityFacade, DatasetFiles, PipelineRunLogSource],
    };
  }

  /** Its facades where it is hosted elsewhere: calls to an instance that hosts it (docs/adr/0704). */
  static facades(): DynamicModule {
    return RemoteDataPipelineModule.register();
  }
}
