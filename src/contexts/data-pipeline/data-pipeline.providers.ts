import type { Provider, Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import { publishedEventsDeclaration, queuePrefixOf } from '@contexts/workflow-engine';
import { OutboundPolicy, readOutboundRules } from '@libs/outbound';
import { ObjectStore } from '@libs/storage/ports';
import { CreateDatasetHandler } from './application/create-dataset/create-dataset.handler.js';
import { DownloadDatasetVersionHandler } from './application/download-dataset-version/download-dataset-version.handler.js';
import { GetDatasetHandler } from './application/get-dataset/get-dataset.handler.js';
import { GetDatasetVersionHandler } from './application/get-dataset-version/get-dataset-version.handler.js';
import { ListDatasetVersionsHandler } from './application/list-dataset-versions/list-dataset-versions.handler.js';
import { ListDatasetsHandler } from './application/list-datasets/list-datasets.handler.js';
import { DatasetSettings } from './application/ports/dataset-settings.js';
import { LocalTableCopies } from './application/ports/local-table-copies.js';
import { DatasetFiles } from './contracts/dataset-files.facade.js';
import { LocalDatasetFiles } from './infrastructure/dataset-files.facade.local.js';
import { ProjectOfDataset, ProjectOfDatasetVersion } from './application/ports/project-of-dataset.js';
import { QueryEngine } from './application/ports/query-engine.js';
import { Transaction } from './application/ports/transaction.js';
import { RegisterDatasetVersionHandler } from './application/register-dataset-version/register-dataset-version.handler.js';
import { VersionIntake } from './application/services/version-intake.js';
import { CheckResultLineage } from './application/services/check-result-lineage.js';
import { RunCheckSuiteHandler } from './application/run-check-suite/run-check-suite.handler.js';
import { GetCheckRunHandler } from './application/get-check-run/get-check-run.handler.js';
import { ListCheckRunsHandler } from './application/list-check-runs/list-check-runs.handler.js';
import { GetCheckRunReportHandler } from './application/get-check-run-report/get-check-run-report.handler.js';
import { ProjectOfCheckRun } from './application/ports/project-of-check-run.js';
import { CheckRunRepository } from './domain/checks/check-run.repository.js';
import { PostgresCheckRunRepository } from './infrastructure/persistence/postgres-check-run.repository.js';
import { PostgresProjectOfCheckRun } from './infrastructure/persistence/project-of-check-run.js';
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
import {
  AmbientTransaction,
  OutboundBreakerMetrics,
  PostgresRunLogSource,
  RedisConnections,
  type ContextModuleOptions,
} from '@libs/platform';
import { ExportRunOpenLineageHandler } from './application/export-run-openlineage/export-run-openlineage.handler.js';
import { FindImpactedModelsHandler } from './application/find-impacted-models/find-impacted-models.handler.js';
import { GetLineageGraphHandler } from './application/get-lineage-graph/get-lineage-graph.handler.js';
import { IsRunRecordedHandler } from './application/is-run-recorded/is-run-recorded.handler.js';
import { ProjectOfLineageNode } from './application/ports/project-of-lineage-node.js';
import { RecordAliasMoveHandler } from './application/record-alias-move/record-alias-move.handler.js';
import { RecordCheckResultHandler } from './application/record-check-result/record-check-result.handler.js';
import { RecordDatasetVersionHandler } from './application/record-dataset-version/record-dataset-version.handler.js';
import { RecordModelReviewHandler } from './application/record-model-review/record-model-review.handler.js';
import { RecordModelVersionHandler } from './application/record-model-version/record-model-version.handler.js';
import { RecordBatchPredictionHandler } from './application/record-batch-prediction/record-batch-prediction.handler.js';
import { RecordTaskRunHandler } from './application/record-task-run/record-task-run.handler.js';
import { RecordWorkflowRunHandler } from './application/record-workflow-run/record-workflow-run.handler.js';
import { DATA_PIPELINE_EVENT_TYPES } from './contracts/events.js';
import { LineageFacade } from './contracts/lineage.facade.js';
import { LineageGraphRepository } from './domain/lineage/lineage-graph.repository.js';
import { LocalLineageFacade } from './infrastructure/lineage.facade.local.js';
import { LineageNodeProjects } from './infrastructure/persistence/lineage-node-projects.js';
import { PostgresLineageGraphRepository } from './infrastructure/persistence/postgres-lineage-graph.repository.js';
import { DatasetLineageConsumer } from './interface/events/dataset-lineage.consumer.js';
import { ModelRegistryLineageConsumer } from './interface/events/model-registry-lineage.consumer.js';
import { PredictionLineageConsumer } from './interface/events/prediction-lineage.consumer.js';
import { WorkflowLineageConsumer } from './interface/events/workflow-lineage.consumer.js';
import { CreatePipelineHandler } from './application/create-pipeline/create-pipeline.handler.js';
import { RevisePipelineHandler } from './application/revise-pipeline/revise-pipeline.handler.js';
import { GetPipelineHandler } from './application/get-pipeline/get-pipeline.handler.js';
import { ListPipelinesHandler } from './application/list-pipelines/list-pipelines.handler.js';
import { GetPipelineVersionHandler } from './application/get-pipeline-version/get-pipeline-version.handler.js';
import { StartPipelineRunHandler } from './application/start-pipeline-run/start-pipeline-run.handler.js';
import { GetPipelineRunHandler } from './application/get-pipeline-run/get-pipeline-run.handler.js';
import { ListPipelineRunsHandler } from './application/list-pipeline-runs/list-pipeline-runs.handler.js';
import { CancelPipelineRunHandler } from './application/cancel-pipeline-run/cancel-pipeline-run.handler.js';
import { RetryPipelineRunHandler } from './application/retry-pipeline-run/retry-pipeline-run.handler.js';
import { ExecutePipelineRunHandler } from './application/execute-pipeline-run/execute-pipeline-run.handler.js';
import { PipelineDefinitions } from './application/services/pipeline-definitions.js';
import { PipelineLoads } from './application/services/pipeline-loads.js';
import { PipelineRunProgress } from './application/services/pipeline-run-progress.js';
import { PipelineStepRunner } from './application/services/pipeline-step-runner.js';
import { PipelineValidation } from './application/services/pipeline-validation.js';
import { PIPELINE_RUN_QUEUE, PipelineRunQueue } from './application/ports/pipeline-run-queue.js';
import { PipelineWorkspaces } from './application/ports/pipeline-workspaces.js';
import { UrlPolicy } from './application/ports/url-policy.js';
import { OutboundUrlPolicy } from './infrastructure/outbound/outbound-url-policy.js';
import { ProjectOfPipeline, ProjectOfPipelineRun } from './application/ports/project-of-pipeline.js';
import { PipelineRepository } from './domain/pipeline/pipeline.repository.js';
import { PipelineRunRepository } from './domain/pipeline/pipeline-run.repository.js';
import { PostgresPipelineRepository } from './infrastructure/persistence/postgres-pipeline.repository.js';
import { PostgresPipelineRunRepository } from './infrastructure/persistence/postgres-pipeline-run.repository.js';
import { PostgresPipelineRunLog } from './infrastructure/persistence/postgres-pipeline-run-log.js';
import { PIPELINE_RUN_LOG_TABLE } from './infrastructure/persistence/pipeline-run-log-table.js';
import { PipelineRunLog } from './application/ports/pipeline-run-log.js';
import { PIPELINE_RUN_LOG_SOURCE_NAME, PipelineRunLogSource } from './contracts/pipeline-run-log-source.js';
import {
  PostgresProjectOfPipeline,
  PostgresProjectOfPipelineRun,
} from './infrastructure/persistence/project-of-pipeline.js';
import { BullMqPipelineRunQueue } from './infrastructure/queue/bullmq-pipeline-run-queue.js';
import { TemporaryPipelineWorkspaces } from './infrastructure/storage/temporary-pipeline-workspaces.js';
import { PipelineRunProcessor } from './interface/jobs/pipeline-run.processor.js';
import { PipelineRunSweeper } from './interface/jobs/pipeline-run-sweeper.js';
import { RequeuePipelineRunsHandler } from './application/requeue-pipeline-runs/requeue-pipeline-runs.handler.js';
import { DatasetFileBodies } from './interface/http/dataset-file-bodies.js';
import { VersionBodyContribution } from './interface/http/version-body.contribution.js';
import { dataTaskProviders } from './data-tasks.providers.js';
import { ListTableSourcesHandler } from './application/list-table-sources/list-table-sources.handler.js';
import { TableSources } from './application/ports/table-sources.js';
import { SnapshotTableSourceHandler } from './application/snapshot-table-source/snapshot-table-source.handler.js';
import { ConfiguredTableSources } from './infrastructure/table-sources/configured-table-sources.js';
import { readTableSourceSettings } from './infrastructure/table-sources/table-source-settings.js';
import { DeliverOpenLineageEventsHandler } from './application/deliver-openlineage-events/deliver-openlineage-events.handler.js';
import { OpenLineageDeliveries } from './application/ports/openlineage-deliveries.js';
import { OpenLineageEndpoint, OpenLineageSettings } from './application/ports/openlineage-endpoint.js';
import { OpenLineageForwarding } from './application/services/openlineage-forwarding.js';
import { RunOpenLineageEvents } from './application/services/run-openlineage-events.js';
import { HttpOpenLineageEndpoint } from './infrastructure/openlineage/http-openlineage-endpoint.js';
import { OpenLineageConfig } from './infrastructure/openlineage/openlineage-config.js';
import { PostgresOpenLineageDeliveries } from './infrastructure/persistence/postgres-openlineage-deliveries.js';
import { OpenLineageDeliveryLoop } from './interface/jobs/openlineage-delivery.loop.js';

/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const USE_CASES: Type[] = [
  CreateDatasetHandler,
  DownloadDatasetVersionHandler,
  GetDatasetHandler,
  GetDatasetVersionHandler,
  ListDatasetVersionsHandler,
  ListDatasetsHandler,
  RegisterDatasetVersionHandler,
  UploadDatasetVersionHandler,
  RecordWorkflowRunHandler,
  RecordTaskRunHandler,
  RecordModelVersionHandler,
  RecordBatchPredictionHandler,
  RecordModelReviewHandler,
  RecordAliasMoveHandler,
  RecordDatasetVersionHandler,
  RecordCheckResultHandler,
  GetLineageGraphHandler,
  FindImpactedModelsHandler,
  ExportRunOpenLineageHandler,
  IsRunRecordedHandler,
  RunCheckSuiteHandler,
  GetCheckRunHandler,
  ListCheckRunsHandler,
  GetCheckRunReportHandler,
  ListTableSourcesHandler,
  SnapshotTableSourceHandler,
  DeliverOpenLineageEventsHandler,
  CreatePipelineHandler,
  RevisePipelineHandler,
  GetPipelineHandler,
  ListPipelinesHandler,
  GetPipelineVersionHandler,
  StartPipelineRunHandler,
  GetPipelineRunHandler,
  ListPipelineRunsHandler,
  CancelPipelineRunHandler,
  RetryPipelineRunHandler,
  ExecutePipelineRunHandler,
  RequeuePipelineRunsHandler,
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [
  VersionIntake,
  CheckResultLineage,
  PipelineDefinitions,
  PipelineLoads,
  PipelineRunProgress,
  PipelineValidation,
  PipelineStepRunner,
  RunOpenLineageEvents,
  OpenLineageForwarding,
];

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
  {
    provide: TableSources,
    useFactory: (engine: ReturnType<typeof readDuckDbSettings>) =>
      new ConfiguredTableSources(readTableSourceSettings(process.env), engine),
    inject: [DUCKDB_SETTINGS],
  },
  {
    provide: OpenLineageConfig,
    useFactory: (policy: OutboundPolicy) => OpenLineageConfig.fromEnv(process.env, policy),
    inject: [OutboundPolicy],
  },
  { provide: OpenLineageSettings, useExisting: OpenLineageConfig },
  {
    provide: OpenLineageEndpoint,
    useFactory: (config: OpenLineageConfig, policy: OutboundPolicy, metrics: OutboundBreakerMetrics) =>
      new HttpOpenLineageEndpoint(config, policy, (labels, from, to) => metrics.changed(labels, from, to)),
    inject: [OpenLineageConfig, OutboundPolicy, OutboundBreakerMetrics],
  },
  { provide: OpenLineageDeliveries, useClass: PostgresOpenLineageDeliveries },
  AmbientTransaction,
  { provide: Transaction, useExisting: AmbientTransaction },
  outboxEventPublisher({ source: 'data-pipeline', schema: 'data_pipeline' }),
  { provide: DatasetRepository, useClass: TypeOrmDatasetRepository },
  { provide: DatasetVersionRepository, useClass: TypeOrmDatasetVersionRepository },
  { provide: ProjectOfDataset, useClass: TypeOrmProjectOfDataset },
  { provide: ProjectOfDatasetVersion, useClass: TypeOrmProjectOfDatasetVersion },
  { provide: LineageGraphRepository, useClass: PostgresLineageGraphRepository },
  { provide: ProjectOfLineageNode, useClass: LineageNodeProjects },
  { provide: CheckRunRepository, useClass: PostgresCheckRunRepository },
  { provide: ProjectOfCheckRun, useClass: PostgresProjectOfCheckRun },
  { provide: LineageFacade, useClass: LocalLineageFacade },
  {
    provide: DatasetFiles,
    useFactory: (
      datasets: DatasetRepository,
      versions: DatasetVersionRepository,
      copies: LocalTableCopies,
      intake: VersionIntake,
      scope: AmbientTransaction,
      settings: ReturnType<typeof readDuckDbSettings>,
      query: QueryEngine,
    ) => new LocalDatasetFiles(datasets, versions, copies, intake, scope, settings, query),
    inject: [
      DatasetRepository,
      DatasetVersionRepository,
      LocalTableCopies,
      VersionIntake,
      AmbientTransaction,
      DUCKDB_SETTINGS,
      QueryEngine,
    ],
  },
  { provide: PipelineRepository, useClass: PostgresPipelineRepository },
  { provide: PipelineRunRepository, useClass: PostgresPipelineRunRepository },
  { provide: PipelineRunLog, useClass: PostgresPipelineRunLog },
  {
    provide: PipelineRunLogSource,
    useFactory: (scope: AmbientTransaction) =>
      new PostgresRunLogSource(scope, PIPELINE_RUN_LOG_SOURCE_NAME, PIPELINE_RUN_LOG_TABLE),
    inject: [AmbientTransaction],
  },
  { provide: ProjectOfPipeline, useClass: PostgresProjectOfPipeline },
  { provide: ProjectOfPipelineRun, useClass: PostgresProjectOfPipelineRun },
  { provide: PipelineRunQueue, useClass: BullMqPipelineRunQueue },
  { provide: OutboundPolicy, useFactory: () => new OutboundPolicy(readOutboundRules(process.env)) },
  {
    provide: UrlPolicy,
    useFactory: (policy: OutboundPolicy) => new OutboundUrlPolicy(policy),
    inject: [OutboundPolicy],
  },
  {
    provide: PipelineWorkspaces,
    useFactory: (
      store: ObjectStore,
      settings: ReturnType<typeof readDuckDbSettings>,
      policy: OutboundPolicy,
      datasets: DatasetSettings,
    ) => new TemporaryPipelineWorkspaces(store, settings.tempDirectory, policy, datasets.maxVersionBytes),
    inject: [ObjectStore, DUCKDB_SETTINGS, OutboundPolicy, DatasetSettings],
  },
];

/**
 * The context's queue of pipeline runs on the platform's Redis, under its hash tag: registered in
 * every role (an HTTP process queues runs), worked only by worker processes.
 */
export const PIPELINE_RUN_QUEUE_REGISTRATION = {
  name: PIPELINE_RUN_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf('data-pipeline'),
  }),
  inject: [RedisConnections],
};

/** The consumers that feed the lineage graph and the processor of pipeline runs, run by worker processes. */
const WORKERS: Type[] = [
  WorkflowLineageConsumer,
  ModelRegistryLineageConsumer,
  PredictionLineageConsumer,
  DatasetLineageConsumer,
  PipelineRunProcessor,
  PipelineRunSweeper,
];

/** What only a process serving HTTP needs: the file bodies' parsers and their OpenAPI schemas. */
const HTTP_ONLY: Type[] = [DatasetFileBodies, VersionBodyContribution];

/** The context's providers for the roles this process plays (HTTP, workers, or both). */
export function dataPipelineProviders(options: ContextModuleOptions): Provider[] {
  return [
    ...ADAPTERS,
    ...SERVICES,
    ...USE_CASES,
    publishedEventsDeclaration('data-pipeline', DATA_PIPELINE_EVENT_TYPES),
    ...(options.http ? HTTP_ONLY : []),
    ...(options.workers ? [...WORKERS, OpenLineageDeliveryLoop] : []),
    ...dataTaskProviders(options),
  ];
}
