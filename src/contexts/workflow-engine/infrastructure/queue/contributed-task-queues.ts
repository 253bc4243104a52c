import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import { queuePrefixOf, type TaskRunJob } from '../../contracts/task-runs.js';
import { TaskTypeRegistry, type TaskTypeDefinition } from '../../contracts/task-types.js';

const ENGINE = 'workflow-engine';

/**
 * The queues of other contexts that the engine enqueues their task types on (ARCHITECTURE section 4:
 * an executor is reached through its own context's queue, so it may run in another process). The
 * engine only adds jobs and reads their state; the owning context's processor consumes them.
 */
@Injectable()
export class ContributedTaskQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue<TaskRunJob>>();
  private connection?: Redis;

  constructor(
    private readonly registry: TaskTypeRegistry,
    private readonly redis: RedisConnections,
  ) {}

  /** The queue of a contributed task type, or undefined for the engine's own types. */
  of(type: string): Queue<TaskRunJob> | undefined {
    const definition = this.registry.list().find((candidate) => candidate.name === type);
    return definition === undefined || definition.context === ENGINE ? undefined : this.open(definition);
  }

  /** Every contributed queue this process knows of, for the reconciler's look for lost jobs. */
  all(): Queue<TaskRunJob>[] {
    const contributed = this.registry.list().filter((definition) => definition.context !== ENGINE);
    return [...new Map(contributed.map((definition) => [definition.queue, this.open(definition)])).values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private open({ queue: name, context }: TaskTypeDefinition): Queue<TaskRunJob> {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      // Adding jobs never blocks, so every contributed queue shares one connection.
      this.connection ??= this.redis.dedicatedConnection('contributed-task-queues', { maxRetriesPerRequest: null });
      queue = new Queue<TaskRunJob>(name, { connection: this.connection, prefix: queuePrefixOf(context) });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
