import { Redis } from 'ioredis';
import { consumerGroupsOf, isBefore, parseEntryId, streamOf } from '@libs/messaging';
import { waitFor } from '@libs/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- envelopes are checked by the tests
type Json = any;

export const RUN_SUCCEEDED = 'workflow-engine.workflow-run.succeeded.v1';
export const TRIGGER_CONSUMER = 'workflow-engine.triggers-from-workflow-engine';

const STREAM = streamOf('workflow-engine');

export interface StreamedEvent {
  readonly entryId: string;
  readonly fields: string[];
  readonly envelope: Json;
}

/** The entries of the workflow engine's event stream, as the relay wrote them. */
export async function streamed(redisUrl: string): Promise<StreamedEvent[]> {
  return withRedis(redisUrl, entriesOf);
}

async function entriesOf(redis: Redis): Promise<StreamedEvent[]> {
  const entries = (await redis.xrange(STREAM, '-', '+')) as [string, string[]][];
  return entries.map(([entryId, fields]) => ({
    entryId,
    fields,
    envelope: JSON.parse(fields[fields.indexOf('envelope') + 1]),
  }));
}

async function withRedis<T>(redisUrl: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl);
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Until the success event of `runId` is on the stream. */
export const succeededEventOf = (redisUrl: string, runId: string): Promise<StreamedEvent> =>
  waitFor(
    async () =>
      (await streamed(redisUrl)).find(
        (event) => event.envelope.type === RUN_SUCCEEDED && event.envelope.payload.runId === runId,
      ),
    { timeoutMs: 15_000, what: `the success event of run ${runId}` },
  );

/**
 * Until the trigger consumer is done with every stream entry of the event: read by its group and
 * acknowledged, which it does once the event's inbox row committed, or at once for an event that
 * starts no run (it leaves no inbox row then, ADR 0002).
 */
export const triggerHandled = (redisUrl: string, eventId: string): Promise<true> =>
  withRedis(redisUrl, (redis) =>
    waitFor(
      async () => {
        const entries = (await entriesOf(redis))
          .filter((event) => event.envelope.id === eventId)
          .map((event) => event.entryId);
        const group = (await consumerGroupsOf(redis, STREAM)).find((candidate) => candidate.name === TRIGGER_CONSUMER);
        if (entries.length === 0 || group === undefined) return undefined;
        const lastRead = parseEntryId(group.lastDeliveredId);
        const read = entries.every((entryId) => !isBefore(lastRead, parseEntryId(entryId)));
        const pending = (await redis.xpending(STREAM, TRIGGER_CONSUMER, entries[0], entries.at(-1)!, 1000)) as [
          string,
        ][];
        return (read && !pending.some(([entryId]) => entries.includes(entryId))) || undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: `event ${eventId} handled` },
    ),
  );
