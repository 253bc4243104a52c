import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { JobMetrics, RedisConnections } from '@libs/platform';
import { namedTaskQueue, QUEUE_PREFIX, type TaskJobData } from '../../application/ports/task-job-queues.js';
import type { WorkerSettings } from '../../application/ports/worker-settings.js';
import type { TaskRunProcessor } from './task-run.processor.js';

/**
 * One BullMQ worker per named task queue (WORKFLOW_TASK_QUEUES), each with its own concurrency,
 * running jobs through the same processor as the default queue. @Processor is fixed at compile
 * time, so these are made from configuration at start (by a factory in the module).
 */
export class NamedQueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker<TaskJobData>[] = [];

  constructor(
    private readonly processor: TaskRunProcessor,
    private readonly redis: RedisConnections,
    private readonly config: WorkerSettings,
    private readonly metrics: JobMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const { taskLockMs } = this.config;
    for (const [name, concurrency] of this.config.taskQueues) {
      const worker = new Worker<TaskJobData>(namedTaskQueue(name), (job) => this.processor.process(job), {
        connection: this.redis.bullmqOptions(),
        prefix: QUEUE_PREFIX,
        concurrency,
        lockDuration: taskLockMs,
        stalledInterval: taskLockMs,
      });
      this.metrics.observe(worker);
      this.workers.push(worker);
    }
  }

  /** The processor aborts running attempts at the same moment; closing waits for them to end. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
