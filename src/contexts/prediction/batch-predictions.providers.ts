import type { Provider, Type } from '@nestjs/common';
import { queuePrefixOf, taskTypesContribution } from '@contexts/workflow-engine';
import { AmbientTransaction, PostgresRunLogSource, RedisConnections } from '@libs/platform';
import { CancelBatchPredictionHandler } from './application/cancel-batch-prediction/cancel-batch-prediction.handler.js';
import { GetBatchPredictionHandler } from './application/get-batch-prediction/get-batch-prediction.handler.js';
import { ListBatchPredictionsHandler } from './application/list-batch-predictions/list-batch-predictions.handler.js';
import { BatchDatasets } from './application/ports/batch-datasets.js';
import { BatchOutputChunks } from './application/ports/batch-output-chunks.js';
import { BATCH_PREDICTION_QUEUE, BatchPredictionQueue } from './application/ports/batch-prediction-queue.js';
import { ProjectOfBatchPrediction } from './application/ports/project-of-batch-prediction.js';
import { RunBatchPredictionHandler } from './application/run-batch-prediction/run-batch-prediction.handler.js';
import { StartBatchPredictionHandler } from './application/start-batch-prediction/start-batch-prediction.handler.js';
import { StartVersionBatchPredictionHandler } from './application/start-version-batch-prediction/start-version-batch-prediction.handler.js';
import { BatchPredictionStarts } from './application/services/batch-prediction-starts.js';
import { BatchPredictionRepository } from './domain/batch/batch-prediction.repository.js';
import { ObjectStoreOutputChunks } from './infrastructure/batch/object-store-output-chunks.js';
import { DataPipelineBatchDatasets } from './infrastructure/datasets/data-pipeline-batch-datasets.js';
import { TypeOrmProjectOfBatchPrediction } from './infrastructure/persistence/project-of-batch-prediction.js';
import { TypeOrmBatchPredictionRepository } from './infrastructure/persistence/typeorm-batch-prediction.repository.js';
import { PostgresBatchPredictionLog } from './infrastructure/persistence/postgres-batch-prediction-log.js';
import { BATCH_PREDICTION_LOG_TABLE } from './infrastructure/persistence/batch-prediction-log-table.js';
import { BatchPredictionLog } from './application/ports/batch-prediction-log.js';
import { BATCH_PREDICTION_LOG_SOURCE_NAME, BatchPredictionLogSource } from './contracts/batch-prediction-log-source.js';
import { BullMqBatchPredictionQueue } from './infrastructure/queue/bullmq-batch-prediction-queue.js';
import { BatchPredictionProcessor } from './interface/jobs/batch-prediction.processor.js';
import { BatchTask } from './interface/jobs/batch-task.js';
import { PredictionTaskProcessor } from './interface/jobs/prediction-task.processor.js';
import {
  PREDICTION_CONTEXT,
  PREDICTION_TASK_QUEUE,
  PREDICTION_TASK_TYPES,
} from './interface/jobs/prediction-task-types.js';

/** The batch-prediction use cases (issue 13 item 6), one folder each under application/. */
export const BATCH_PREDICTION_USE_CASES: Type[] = [
  StartBatchPredictionHandler,
  GetBatchPredictionHandler,
  ListBatchPredictionsHandler,
  CancelBatchPredictionHandler,
  RunBatchPredictionHandler,
  StartVersionBatchPredictionHandler,
];

export const BATCH_PREDICTION_SERVICES: Type[] = [BatchPredictionStarts];

export const BATCH_PREDICTION_ADAPTERS: Provider[] = [
  { provide: BatchPredictionRepository, useClass: TypeOrmBatchPredictionRepository },
  { provide: BatchPredictionLog, useClass: PostgresBatchPredictionLog },
  {
    provide: BatchPredictionLogSource,
    useFactory: (scope: AmbientTransaction) =>
      new PostgresRunLogSource(scope, BATCH_PREDICTION_LOG_SOURCE_NAME, BATCH_PREDICTION_LOG_TABLE),
    inject: [AmbientTransaction],
  },
  { provide: ProjectOfBatchPrediction, useClass: TypeOrmProjectOfBatchPrediction },
  { provide: BatchDatasets, useClass: DataPipelineBatchDatasets },
  { provide: BatchOutputChunks, useClass: ObjectStoreOutputChunks },
  { provide: BatchPredictionQueue, useClass: BullMqBatchPredictionQueue },
  // In every role, so definitions using `prediction.batch` validate in API processes too.
  taskTypesContribution('prediction', PREDICTION_TASK_TYPES),
];

/** What runs batch predictions and the `prediction.batch` task type: worker processes only. */
export const BATCH_PREDICTION_WORKERS: Type[] = [BatchPredictionProcessor, BatchTask, PredictionTaskProcessor];

/**
 * The context's queue of batch predictions on the platform's Redis, under its hash tag: registered
 * in every role (an HTTP process queues jobs), worked only by worker processes.
 */
export const BATCH_PREDICTION_QUEUE_REGISTRATION = {
  name: BATCH_PREDICTION_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf(PREDICTION_CONTEXT),
  }),
  inject: [RedisConnections],
};

/** The queue the engine enqueues prediction tasks on, worked by worker processes. */
export const PREDICTION_TASK_QUEUE_REGISTRATION = {
  name: PREDICTION_TASK_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf(PREDICTION_CONTEXT),
  }),
  inject: [RedisConnections],
};
