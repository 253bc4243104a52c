import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import { queuePrefixOf, type TaskRunJob } from '../../contracts/task-runs.js';
import { TaskTypeRegistry } from '../../contracts/task-types.js';
import { isRowBacked } from '../../domain/run/task-dispatch.js';
import { WORKFLOW_ENGINE_CONFIG, type WorkflowEngineConfig } from '../config/workflow-engine-config.js';
import { namedTaskQueue, TASK_QUEUE } from './task-jobs.js';

const ENGINE = 'workflow-engine';

/**
 * The queues of task runs executed off the engine's default task queue: the named task queues
 * (WORKFLOW_TASK_QUEUES), `workflow` tasks on the engine's child-run queue, and the types other
 * contexts contribute on their context's queue
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
    @Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig,
  ) {}

  /**
   * The named queue a task chose, while it is configured; a version saved before the queue was
   * removed from WORKFLOW_TASK_QUEUES runs its tasks on the default queue instead of stranding them.
   */
  named(queue: string): Queue<TaskRunJob> | undefined {
    return this.config.taskQueues.has(queue) ? this.open(namedTaskQueue(queue), ENGINE) : undefined;
  }

  /** A named queue whether or not this process lists it, to look for jobs that other workers take. */
  namedAnywhere(queue: string): Queue<TaskRunJob> {
    return this.open(namedTaskQueue(queue), ENGINE);
  }

  /** The queue of a task type, or undefined for the types of the engine's own task queue. */
  of(type: string): Queue<TaskRunJob> | undefined {
    const definition = this.registry.list().find((candidate) => candidate.name === type);
    return definition === undefined || definition.queue === TASK_QUEUE
      ? undefined
      : this.open(definition.queue, definition.context);
  }

  /** Every such queue this process knows of, for the reconciler's look for lost jobs. */
  all(): Queue<TaskRunJob>[] {
    const queued = this.registry
      .list()
      .filter((definition) => definition.queue !== TASK_QUEUE && !isRowBacked(definition.name));
    const byType = queued.map((definition) => this.open(definition.queue, definition.context));
    const named = [...this.config.taskQueues.keys()].map((queue) => this.open(namedTaskQueue(queue), ENGINE));
    return [...new Set([...byType, ...named])];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private open(name: string, context: string): Queue<TaskRunJob> {
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
