import type { Provider, Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import { publishedEventsDeclaration } from '@contexts/workflow-engine';
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
import { AmbientTransaction, type ContextModuleOptions } from '@libs/platform';
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
import { WorkflowLineageConsumer } from './interface/events/workflow-lineage.consumer.js';
import { DatasetFileBodies } from './interface/http/dataset-file-bodies.js';
import { VersionBodyContribution } from './interface/http/version-body.contribution.js';
import { dataTaskProviders } from './data-tasks.providers.js';
import { ListTableSourcesHandler } from './application/list-table-sources/list-table-sources.handler.js';
import { TableSources } from './application/ports/table-sources.js';
import { SnapshotTableSourceHandler } from './application/snapshot-table-source/snapshot-table-source.handler.js';
import { ConfiguredTableSources } from './infrastructure/table-sources/configured-table-sources.js';
import { readTableSourceSettings } from './infrastructure/table-sources/table-source-settings.js';
import { OutboundPolicy, readOutboundRules } from '@libs/outbound';
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
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [VersionIntake, CheckResultLineage, RunOpenLineageEvents, OpenLineageForwarding];

const DUCKDB_SETTINGS = Symbol('DUCKDB_SETTINGS');
const OPENLINEAGE_POLICY = Symbol('OPENLINEAGE_POLICY');

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
  { provide: OPENLINEAGE_POLICY, useFactory: () => new OutboundPolicy(readOutboundRules(process.env)) },
  {
    provide: OpenLineageConfig,
    useFactory: (policy: OutboundPolicy) => OpenLineageConfig.fromEnv(process.env, policy),
    inject: [OPENLINEAGE_POLICY],
  },
  { provide: OpenLineageSettings, useExisting: OpenLineageConfig },
  {
    provide: OpenLineageEndpoint,
    useFactory: (config: OpenLineageConfig, policy: OutboundPolicy) => new HttpOpenLineageEndpoint(config, policy),
    inject: [OpenLineageConfig, OPENLINEAGE_POLICY],
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
];

/** The consumers that feed the lineage graph, run by worker processes. */
const LINEAGE_CONSUMERS: Type[] = [WorkflowLineageConsumer, ModelRegistryLineageConsumer, DatasetLineageConsumer];

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
    ...(options.workers ? [...LINEAGE_CONSUMERS, OpenLineageDeliveryLoop] : []),
    ...dataTaskProviders(options),
  ];
}
