import { randomUUID } from 'node:crypto';
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
  private readonly resending: string;

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
  ) {
    // One hash tag, so the script below touches one Redis Cluster slot.
    this.marker = `{${stream}}:intact-since`;
    this.resending = `{${stream}}:resending`;
  }

  async isIntact(): Promise<boolean> {
    return (await this.redis.exists(this.marker)) === 1;
  }

  /** Notes that a resend starts; answers its token for `markIntactAfter`. */
  async beginResend(): Promise<string> {
    const token = randomUUID();
    await this.redis.set(this.resending, token);
    return token;
  }

  /**
   * Sets the marker, unless Redis lost its data again while the resend ran (the note of its start is
   * gone with it): then part of what was sent is gone too, and the next pass starts over.
   */
  async markIntactAfter(token: string): Promise<boolean> {
    const set = await this.redis.eval(
      MARK_IF_STILL_RESENDING,
      2,
      this.resending,
      this.marker,
      token,
      new Date().toISOString(),
    );
    return set === 1;
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

const MARK_IF_STILL_RESENDING = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`;

function earliest(a: EntryId, b: EntryId): EntryId {
  return isBefore(a, b) ? a : b;
}
