import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Gauge, register } from 'prom-client';
import { TaskTypeQueues } from '../queue/task-type-queues.js';
import { TASK_QUEUE } from '../../application/ports/task-job-queues.js';

const NAME = 'bullmq_queue_jobs';
const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;

/**
 * Jobs per queue and state, read from Redis at scrape time: the engine's task queue and every queue
 * it enqueues task types on (child runs, other contexts' queues). A growing `waiting` count is work
 * outrunning its workers.
 */
@Injectable()
export class QueueDepthGauge implements OnModuleInit {
  constructor(
    @InjectQueue(TASK_QUEUE) private readonly tasks: Queue,
    private readonly others: TaskTypeQueues,
  ) {}

  onModuleInit(): void {
    // The gauge reads this app's queues: an app started later in the same process takes it over.
    register.removeSingleMetric(NAME);
    const queues = (): Queue[] => [this.tasks, ...this.others.all()];
    new Gauge({
      name: NAME,
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'],
      async collect() {
        for (const queue of queues()) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }
}
