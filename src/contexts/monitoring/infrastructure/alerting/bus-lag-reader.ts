import { Injectable } from '@nestjs/common';
import { consumerGroupsOf } from '@libs/messaging';
import { RedisConnections } from '@libs/platform';
import type { Sample } from '../../domain/alerts/sample.js';

const EVENT_STREAMS = 'events.*';

/**
 * Each consumer group's lag (entries not yet read, plus read but not acknowledged) on every event
 * stream, read from Redis as the readiness check reads it: a platform signal, for global rules.
 */
@Injectable()
export class BusLagReader {
  constructor(private readonly redis: RedisConnections) {}

  async read(group: string | undefined): Promise<Sample[]> {
    const samples: Sample[] = [];
    for (const stream of await this.streams()) {
      for (const info of await consumerGroupsOf(this.redis.command, stream)) {
        if (group !== undefined && info.name !== group) continue;
        samples.push({
          projectId: null,
          labels: { stream, group: info.name },
          value: (info.lag ?? 0) + info.pending,
          lineage: [],
        });
      }
    }
    return samples;
  }

  private async streams(): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.command.scan(
        cursor,
        'MATCH',
        EVENT_STREAMS,
        'COUNT',
        200,
        'TYPE',
        'stream',
      );
      keys.forEach((key) => found.add(key));
      cursor = next;
    } while (cursor !== '0');
    return [...found];
  }
}
