import { Module, type DynamicModule } from '@nestjs/common';
import type { ContextModuleOptions } from '@libs/platform';
import { LineageFacade } from './contracts/lineage.facade.js';
import { dataPipelineProviders } from './data-pipeline.providers.js';
import { LineageController } from './interface/http/lineage.controller.js';

/** The data-pipeline context: datasets and versions, pipelines, pipeline runs, quality checks, the lineage graph. */
@Module({})
export class DataPipelineModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: DataPipelineModule,
      controllers: options.http ? [LineageController] : [],
      providers: dataPipelineProviders(options),
      exports: [LineageFacade],
    };
  }
}
