import type { Redis } from 'ioredis';
import { DEAD_LETTER_STREAM } from '../stream-names.js';
import { fieldsOf, type RawEntry, type StreamEntry } from './stream-entry.js';

export interface DeadLetter {
  readonly id: string;
  readonly stream: string;
  readonly consumer: string;
  readonly entryId: string;
  readonly type: string;
  readonly envelope: unknown;
  readonly error: string;
  readonly deliveries: number;
  readonly failedAt: string;
}

export interface DeadLetterPage {
  readonly items: DeadLetter[];
  readonly nextCursor: string | null;
}

/** The dead-letter stream: entries a consumer gave up on, kept with their last error. */
export class DeadLetters {
  constructor(private readonly redis: Redis) {}

  async add(failure: {
    stream: string;
    consumer: string;
    entry: StreamEntry;
    error: string;
    deliveries: number;
  }): Promise<void> {
    await this.redis.xadd(
      DEAD_LETTER_STREAM,
      '*',
      'stream',
      failure.stream,
      'consumer',
      failure.consumer,
      'entryId',
      failure.entry.entryId,
      'type',
      failure.entry.type,
      'envelope',
      failure.entry.envelopeJson,
      'error',
      failure.error,
      'deliveries',
      String(failure.deliveries),
      'failedAt',
      new Date().toISOString(),
    );
  }

  /** Newest first; the cursor is the id of the last item seen. */
  async list(limit: number, cursor?: string): Promise<DeadLetterPage> {
    const end = cursor ? `(${cursor}` : '+';
    const raw = (await this.redis.xrevrange(DEAD_LETTER_STREAM, end, '-', 'COUNT', limit + 1)) as RawEntry[];
    const items = raw.slice(0, limit).map(toDeadLetter);
    return { items, nextCursor: raw.length > limit ? items[items.length - 1].id : null };
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const raw = await this.rawEntry(id);
    return raw && toDeadLetter(raw);
  }

  /**
   * Sends the event back to its stream for the consumer that failed it only
   * (other groups skip an entry targeted elsewhere), then forgets the letter.
   */
  async replay(id: string): Promise<boolean> {
    const raw = await this.rawEntry(id);
    if (!raw) return false;
    const letter = fieldsOf(raw[1]);
    await this.redis.xadd(
      letter.stream,
      '*',
      'type',
      letter.type,
      'envelope',
      letter.envelope,
      'target',
      letter.consumer,
    );
    await this.redis.xdel(DEAD_LETTER_STREAM, id);
    return true;
  }

  async discard(id: string): Promise<boolean> {
    return (await this.redis.xdel(DEAD_LETTER_STREAM, id)) > 0;
  }

  private async rawEntry(id: string): Promise<RawEntry | undefined> {
    const raw = (await this.redis.xrange(DEAD_LETTER_STREAM, id, id)) as RawEntry[];
    return raw[0];
  }
}

function toDeadLetter([id, fields]: RawEntry): DeadLetter {
  const values = fieldsOf(fields);
  return {
    id,
    stream: values.stream,
    consumer: values.consumer,
    entryId: values.entryId,
    type: values.type,
    envelope: safeParse(values.envelope),
    error: values.error,
    deliveries: Number(values.deliveries),
    failedAt: values.failedAt,
  };
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
