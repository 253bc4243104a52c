import type { Redis } from 'ioredis';
import { consumerGroupsOf } from './consumer-groups.js';
import { isBefore, nextEntryId, parseEntryId, type EntryId } from './entry-id.js';

/**
 * What Redis still holds of one stream (ADR 0008). A marker key, set once the relay knows the stream
 * holds everything it sent, vanishes with the stream when Redis loses its data (a restart without
 * persistence, a failover to an empty replica); the relay then sends the kept outbox rows again.
 * The stream itself cannot serve as the marker: a consumer recreating its group makes it anew.
 */
export class StreamHistory {
  private readonly marker: string;

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
  ) {
    this.marker = `${stream}:intact-since`;
  }

  async isIntact(): Promise<boolean> {
    return (await this.redis.exists(this.marker)) === 1;
  }

  async markIntact(): Promise<void> {
    await this.redis.set(this.marker, new Date().toISOString());
  }

  /**
   * The first entry id some consumer group has not acknowledged: every entry before it was
   * delivered to and acknowledged by every group. Undefined when the stream has no group (then
   * nobody has acknowledged anything, and nothing can be said).
   */
  async acknowledgedBefore(): Promise<EntryId | undefined> {
    let bound: EntryId | undefined;
    for (const group of await consumerGroupsOf(this.redis, this.stream)) {
      let groupBound = nextEntryId(parseEntryId(group.lastDeliveredId));
      if (group.pending > 0) {
        const [, oldestPending] = (await this.redis.xpending(this.stream, group.name)) as [number, string | null];
        if (oldestPending) groupBound = earliest(groupBound, parseEntryId(oldestPending));
      }
      bound = bound === undefined ? groupBound : earliest(bound, groupBound);
    }
    return bound;
  }
}

function earliest(a: EntryId, b: EntryId): EntryId {
  return isBefore(a, b) ? a : b;
}
