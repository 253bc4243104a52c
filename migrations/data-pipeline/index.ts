import { CreateDataPipelineMessaging1764150000000 } from './1764150000000-create-data-pipeline-messaging.js';
import { KeepDataPipelinePublishedOutboxRows1765000000000 } from './1765000000000-keep-data-pipeline-published-outbox-rows.js';
import { CreateDatasetTables1765100000000 } from './1765100000000-create-dataset-tables.js';
import { CreateLineageGraph1765200000000 } from './1765200000000-create-lineage-graph.js';
import { CreateCheckRuns1765300000000 } from './1765300000000-create-check-runs.js';
import { CreatePipelines1765400000000 } from './1765400000000-create-pipelines.js';
import { IndexQueuedPipelineRuns1765400000001 } from './1765400000001-index-queued-pipeline-runs.js';
import { AddTableSourceProducer1765410000000 } from './1765410000000-add-table-source-producer.js';
import { CreateOpenLineageDeliveries1765410000001 } from './1765410000001-create-openlineage-deliveries.js';
import { AddBatchPredictionProducer1765490000001 } from './1765490000001-add-batch-prediction-producer.js';
import { CreatePipelineRunLogLines1765530000001 } from './1765530000001-create-pipeline-run-log-lines.js';
import { NotifyDataPipelineRelaysAfterCommit1765620000000 } from './1765620000000-notify-data-pipeline-relays-after-commit.js';

/** Migrations of the `data_pipeline` schema, oldest first. */
export const dataPipelineMigrations = [
  CreateDataPipelineMessaging1764150000000,
  KeepDataPipelinePublishedOutboxRows1765000000000,
  CreateDatasetTables1765100000000,
  CreateLineageGraph1765200000000,
  CreateCheckRuns1765300000000,
  CreatePipelines1765400000000,
  IndexQueuedPipelineRuns1765400000001,
  AddTableSourceProducer1765410000000,
  CreateOpenLineageDeliveries1765410000001,
  AddBatchPredictionProducer1765490000001,
  CreatePipelineRunLogLines1765530000001,
  NotifyDataPipelineRelaysAfterCommit1765620000000,
];
