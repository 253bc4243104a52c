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

  /**
   * Appends the entries in order, in one round trip, if the stream is intact; answers their entry ids,
   * or undefined (nothing appended) when Redis lost it. Checked and appended atomically: no loss can
   * fall between the check and the appends, so nothing new goes in before what the stream lost.
   */
  async appendIfIntact(
    entries: readonly { type: string; envelope: string }[],
    maxLength: number,
  ): Promise<string[] | undefined> {
    const fields = entries.flatMap((entry) => [entry.type, entry.envelope]);
    const ids = (await this.redis.eval(APPEND_IF_INTACT, 2, this.stream, this.marker, maxLength, ...fields)) as
      string[] | null;
    return ids ?? undefined;
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

// The marker's hash tag is the stream's name, so both keys are in one Redis Cluster slot.
const APPEND_IF_INTACT = `
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local ids = {}
for i = 2, #ARGV, 2 do
  ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'type', ARGV[i], 'envelope', ARGV[i + 1])
end
return ids`;

const MARK_IF_STILL_RESENDING = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`;

function earliest(a: EntryId, b: EntryId): EntryId {
  return isBefore(a, b) ? a : b;
}
