import { Module, type DynamicModule } from '@nestjs/common';

/** The data-pipeline context: datasets and versions, pipelines, pipeline runs, quality checks, the lineage graph. */
@Module({})
export class DataPipelineModule {
  static register(): DynamicModule {
    return { module: DataPipelineModule };
  }
}
