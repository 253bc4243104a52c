import { Module, type DynamicModule } from '@nestjs/common';
import { DatasetFiles } from './contracts/dataset-files.facade.js';
import { DatasetQualityFacade } from './contracts/dataset-quality.facade.js';
import { LineageFacade } from './contracts/lineage.facade.js';
import { PipelineRunLogSource } from './contracts/pipeline-run-log-source.js';
import {
  HttpDatasetFiles,
  HttpDatasetQualityFacade,
  HttpLineageFacade,
  HttpPipelineRunLogSource,
} from './infrastructure/http-facades/http-data-pipeline.facades.js';

/** The data pipeline's facades where it is hosted elsewhere: their HTTP bindings (docs/adr/0704). */
@Module({})
export class RemoteDataPipelineModule {
  static register(): DynamicModule {
    return {
      module: RemoteDataPipelineModule,
      providers: [
        { provide: LineageFacade, useClass: HttpLineageFacade },
        { provide: DatasetQualityFacade, useClass: HttpDatasetQualityFacade },
        { provide: DatasetFiles, useClass: HttpDatasetFiles },
        { provide: PipelineRunLogSource, useClass: HttpPipelineRunLogSource },
      ],
      exports: [LineageFacade, DatasetQualityFacade, DatasetFiles, PipelineRunLogSource],
    };
  }
}
