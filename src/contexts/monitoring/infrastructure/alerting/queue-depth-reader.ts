import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { RedisConnections } from '@libs/platform';
import type { Sample } from '../../domain/alerts/sample.js';

// Every context's BullMQ prefix is a hash tag (`{workflow-engine}`); each queue keeps a `meta` hash.
const QUEUE_META = '{*}:*:meta';

/**
 * Jobs waiting for a worker per BullMQ queue (waiting, prioritized and delayed: all not yet picked
 * up), for every queue of every context in Redis (docs/adr/0604). Queues are found by their meta
 * key and counted by BullMQ itself, over the shared command connection.
 */
@Injectable()
export class QueueDepthReader implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly redis: RedisConnections) {}

  async read(queue: string | undefined): Promise<Sample[]> {
    const samples: Sample[] = [];
    for (const { prefix, name } of await this.discover()) {
      if (queue !== undefined && name !== queue) continue;
      const counts = await this.queueOf(prefix, name).getJobCounts('waiting', 'prioritized', 'delayed');
      const value = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
      samples.push({ projectId: null, labels: { queue: name }, value, lineage: [] });
    }
    return samples;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  private queueOf(prefix: string, name: string): Queue {
    const key = `${prefix}:${name}`;
    let queue = this.queues.get(key);
    if (!queue) {
      // A reader must not write: no meta update, and the connection stays the platform's.
      queue = new Queue(name, { connection: this.redis.command, prefix, skipMetasUpdate: true });
      this.queues.set(key, queue);
    }
    return queue;
  }

  private async discover(): Promise<{ prefix: string; name: string }[]> {
    const found = new Map<string, { prefix: string; name: string }>();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.command.scan(cursor, 'MATCH', QUEUE_META, 'COUNT', 500);
      for (const key of keys) {
        const prefixEnd = key.indexOf('}:') + 1;
        const name = key.slice(prefixEnd + 1, -':meta'.length);
        if (prefixEnd > 0 && name.length > 0) found.set(key, { prefix: key.slice(0, prefixEnd), name });
      }
      cursor = next;
    } while (cursor !== '0');
    return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
