import type { Provider, Type } from '@nestjs/common';
import { RedisConnections, type ContextModuleOptions } from '@libs/platform';
import { queuePrefixOf, taskTypesContribution } from '@contexts/workflow-engine';
import { CheckDatasetFreshnessHandler } from './application/check-dataset-freshness/check-dataset-freshness.handler.js';
import { FindBlockingChecksHandler } from './application/find-blocking-checks/find-blocking-checks.handler.js';
import { DatasetQualityFacade } from './contracts/dataset-quality.facade.js';
import { LocalDatasetQualityFacade } from './infrastructure/dataset-quality.facade.local.js';
import { AwaitFreshnessTask } from './interface/jobs/await-freshness-task.js';
import { DataTaskProcessor } from './interface/jobs/data-task.processor.js';
import { DATA_PIPELINE_CONTEXT, DATA_TASK_QUEUE, DATA_TASK_TYPES } from './interface/jobs/data-task-types.js';
import { RunPipelineTask } from './interface/jobs/run-pipeline-task.js';
import { ValidateTask } from './interface/jobs/validate-task.js';

/** The use cases behind the data task types and the quality facade. */
export const DATA_TASK_USE_CASES: Type[] = [CheckDatasetFreshnessHandler, FindBlockingChecksHandler];

/**
 * The data task types (docs/adr/0403): registered with the engine in every role, so definitions
 * using them validate in API processes; executed on this context's queue by worker processes only.
 */
export function dataTaskProviders(options: ContextModuleOptions): Provider[] {
  return [
    ...DATA_TASK_USE_CASES,
    { provide: DatasetQualityFacade, useClass: LocalDatasetQualityFacade },
    taskTypesContribution('data-pipeline', DATA_TASK_TYPES),
    ...(options.workers ? [ValidateTask, AwaitFreshnessTask, RunPipelineTask, DataTaskProcessor] : []),
  ];
}

/** The queue the engine enqueues data tasks on: the platform's Redis, under this context's hash tag. */
export const DATA_TASK_QUEUE_REGISTRATION = {
  name: DATA_TASK_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf(DATA_PIPELINE_CONTEXT),
  }),
  inject: [RedisConnections],
};
