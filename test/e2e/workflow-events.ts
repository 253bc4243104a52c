import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { sql } from './workflow-database.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- envelopes are checked by the tests
type Json = any;

export const RUN_SUCCEEDED = 'workflow-engine.workflow-run.succeeded.v1';
export const TRIGGER_CONSUMER = 'workflow-engine.triggers-from-workflow-engine';

export interface StreamedEvent {
  readonly fields: string[];
  readonly envelope: Json;
}

/** The entries of the workflow engine's event stream, as the relay wrote them. */
export async function streamed(redisUrl: string): Promise<StreamedEvent[]> {
  const redis = new Redis(redisUrl);
  try {
    const entries = (await redis.xrange('events.workflow-engine', '-', '+')) as [string, string[]][];
    return entries.map(([, fields]) => ({ fields, envelope: JSON.parse(fields[fields.indexOf('envelope') + 1]) }));
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

/** Until the trigger consumer has committed its handling of the event (its inbox row). */
export const triggerHandled = (eventId: string): Promise<true> =>
  waitFor(
    async () =>
      (
        await sql('SELECT 1 FROM workflow_engine.inbox WHERE consumer = $1 AND event_id = $2', [
          TRIGGER_CONSUMER,
          eventId,
        ])
      ).length === 1 || undefined,
    { timeoutMs: 15_000, intervalMs: 50, what: `event ${eventId} handled` },
  );
