import { Module, type DynamicModule } from '@nestjs/common';
import { QueryEngine } from './application/ports/query-engine.js';
import { readDuckDbSettings } from './infrastructure/config/data-pipeline-config.js';
import { DuckDbQueryEngine } from './infrastructure/duckdb/duckdb-query-engine.js';

/** The data-pipeline context: datasets and versions, pipelines, pipeline runs, quality checks, the lineage graph. */
@Module({})
export class DataPipelineModule {
  static register(): DynamicModule {
    return {
      module: DataPipelineModule,
      providers: [{ provide: QueryEngine, useFactory: () => new DuckDbQueryEngine(readDuckDbSettings(process.env)) }],
    };
  }
}
