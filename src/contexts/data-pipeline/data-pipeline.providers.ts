import type { Provider, Type } from '@nestjs/common';
import { AmbientTransaction, type ContextModuleOptions } from '@libs/platform';
import { ExportRunOpenLineageHandler } from './application/export-run-openlineage/export-run-openlineage.handler.js';
import { FindImpactedModelsHandler } from './application/find-impacted-models/find-impacted-models.handler.js';
import { GetLineageGraphHandler } from './application/get-lineage-graph/get-lineage-graph.handler.js';
import { IsRunRecordedHandler } from './application/is-run-recorded/is-run-recorded.handler.js';
import { LineageTransaction } from './application/ports/lineage-transaction.js';
import { ProjectOfLineageNode } from './application/ports/project-of-lineage-node.js';
import { QueryEngine } from './application/ports/query-engine.js';
import { RecordAliasMoveHandler } from './application/record-alias-move/record-alias-move.handler.js';
import { RecordCheckResultHandler } from './application/record-check-result/record-check-result.handler.js';
import { RecordDatasetVersionHandler } from './application/record-dataset-version/record-dataset-version.handler.js';
import { RecordModelReviewHandler } from './application/record-model-review/record-model-review.handler.js';
import { RecordModelVersionHandler } from './application/record-model-version/record-model-version.handler.js';
import { RecordTaskRunHandler } from './application/record-task-run/record-task-run.handler.js';
import { RecordWorkflowRunHandler } from './application/record-workflow-run/record-workflow-run.handler.js';
import { LineageFacade } from './contracts/lineage.facade.js';
import { LineageGraphRepository } from './domain/lineage/lineage-graph.repository.js';
import { readDuckDbSettings } from './infrastructure/config/data-pipeline-config.js';
import { DuckDbQueryEngine } from './infrastructure/duckdb/duckdb-query-engine.js';
import { LocalLineageFacade } from './infrastructure/lineage.facade.local.js';
import { LineageNodeProjects } from './infrastructure/persistence/lineage-node-projects.js';
import { PostgresLineageGraphRepository } from './infrastructure/persistence/postgres-lineage-graph.repository.js';
import { DatasetLineageConsumer } from './interface/events/dataset-lineage.consumer.js';
import { ModelRegistryLineageConsumer } from './interface/events/model-registry-lineage.consumer.js';
import { WorkflowLineageConsumer } from './interface/events/workflow-lineage.consumer.js';

/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const USE_CASES: Type[] = [
  RecordWorkflowRunHandler,
  RecordTaskRunHandler,
  RecordModelVersionHandler,
  RecordModelReviewHandler,
  RecordAliasMoveHandler,
  RecordDatasetVersionHandler,
  RecordCheckResultHandler,
  GetLineageGraphHandler,
  FindImpactedModelsHandler,
  ExportRunOpenLineageHandler,
  IsRunRecordedHandler,
];

const ADAPTERS: Provider[] = [
  { provide: QueryEngine, useFactory: () => new DuckDbQueryEngine(readDuckDbSettings(process.env)) },
  AmbientTransaction,
  { provide: LineageTransaction, useExisting: AmbientTransaction },
  { provide: LineageGraphRepository, useClass: PostgresLineageGraphRepository },
  { provide: ProjectOfLineageNode, useClass: LineageNodeProjects },
  { provide: LineageFacade, useClass: LocalLineageFacade },
];

/** The consumers that feed the lineage graph, run by worker processes. */
const LINEAGE_CONSUMERS: Type[] = [WorkflowLineageConsumer, ModelRegistryLineageConsumer, DatasetLineageConsumer];

/** The context's providers for the roles this process plays (HTTP, workers, or both). */
export function dataPipelineProviders(options: ContextModuleOptions): Provider[] {
  return [...ADAPTERS, ...USE_CASES, ...(options.workers ? LINEAGE_CONSUMERS : [])];
}
