import { Processor } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import { TASK_QUEUE } from '../../application/ports/task-job-queues.js';
import type { WorkerSettings } from '../../application/ports/worker-settings.js';
import { TaskRunProcessor } from './task-run.processor.js';

/**
 * The task processor with its worker's lock timing from configuration. @nestjs/bullmq reads worker
 * options only from the @Processor decorator, and BullMQ fixes them when it creates the worker (before
 * any provider's lifecycle hook), so the processor is declared again, with them, when the module is
 * registered. A stalled worker is detected after its lock runs out and the next stall check runs,
 * hence both take the same interval.
 */
export function taskRunProcessorWith(config: Pick<WorkerSettings, 'taskLockMs'>): Type<TaskRunProcessor> {
  @Processor(TASK_QUEUE, { lockDuration: config.taskLockMs, stalledInterval: config.taskLockMs })
  class ConfiguredTaskRunProcessor extends TaskRunProcessor {}
  return ConfiguredTaskRunProcessor;
}
