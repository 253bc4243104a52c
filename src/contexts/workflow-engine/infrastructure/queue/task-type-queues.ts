import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import { queuePrefixOf, type TaskRunJob } from '../../contracts/task-runs.js';
import { TaskTypeRegistry, type TaskTypeDefinition } from '../../contracts/task-types.js';
import { APPROVAL_TASK_TYPE } from '../../domain/run/approval-decision.js';
import { EXTERNAL_TASK_TYPE } from './external-task-queue.js';
import { TASK_QUEUE } from './task-jobs.js';

/** Types whose runs wait in a table, not as jobs (DispatchingTaskQueue). */
const ROW_BACKED = new Set([EXTERNAL_TASK_TYPE, APPROVAL_TASK_TYPE]);

/**
 * The queues of task types executed off the engine's own task queue: `workflow` tasks on the
 * engine's child-run queue, and the types other contexts contribute on their context's queue
 * (ARCHITECTURE section 4: an executor is reached through its own context's queue, so it may run in
 * another process). The engine only adds jobs here and reads their state.
 */
@Injectable()
export class TaskTypeQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue<TaskRunJob>>();
  private connection?: Redis;

  constructor(
    private readonly registry: TaskTypeRegistry,
    private readonly redis: RedisConnections,
  ) {}

  /** The queue of a task type, or undefined for the types of the engine's own task queue. */
  of(type: string): Queue<TaskRunJob> | undefined {
    const definition = this.registry.list().find((candidate) => candidate.name === type);
    return definition === undefined || definition.queue === TASK_QUEUE ? undefined : this.open(definition);
  }

  /** Every such queue this process knows of, for the reconciler's look for lost jobs. */
  all(): Queue<TaskRunJob>[] {
    const queued = this.registry
      .list()
      .filter((definition) => definition.queue !== TASK_QUEUE && !ROW_BACKED.has(definition.name));
    return [...new Map(queued.map((definition) => [definition.queue, this.open(definition)])).values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private open({ queue: name, context }: TaskTypeDefinition): Queue<TaskRunJob> {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      // Adding jobs never blocks, so all these queues share one connection.
      this.connection ??= this.redis.dedicatedConnection('task-type-queues', { maxRetriesPerRequest: null });
      queue = new Queue<TaskRunJob>(name, { connection: this.connection, prefix: queuePrefixOf(context) });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
