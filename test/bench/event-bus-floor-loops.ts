import type { Redis } from 'ioredis';
import type pg from 'pg';

const BATCH = 500;
const POLL_MS = 1000;
const BLOCK_MS = 1000;
const STREAM_MAX_LENGTH = 1_000_000;

type ReadReply = [stream: string, entries: [id: string, fields: string[]][]][] | null;

/** Runs `work` in one transaction on a pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The floor's relay: claims up to a batch of unsent outbox rows (FOR UPDATE SKIP LOCKED), XADDs them
 * in one pipeline and marks them sent with their entry ids in the same transaction, which need not
 * wait for the WAL flush: losing it only sends the rows again, and the inbox absorbs that. Sent rows
 * are kept, as ours keeps them for a Redis data loss. Woken after each publisher's commit, polling
 * otherwise, as ours is.
 */
export class FloorRelay {
  private running = true;
  private rung = false;
  private ring?: () => void;
  private readonly loop: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly redis: Redis,
    private readonly schema: string,
    private readonly stream: string,
  ) {
    this.loop = this.run();
  }

  wake(): void {
    this.rung = true;
    this.ring?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.ring?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.rung = false;
      if ((await this.relayBatch()) < BATCH) await this.idle();
    }
  }

  /** Until woken, stopped or POLL_MS passed; a wake that came during the pass skips it. */
  private async idle(): Promise<void> {
    if (this.rung || !this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, POLL_MS);
      this.ring = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.ring = undefined;
  }

  private relayBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SET LOCAL synchronous_commit = off');
      const { rows } = await client.query<{ seq: string; envelope: string }>(
        `SELECT seq, envelope::text AS envelope FROM ${this.schema}.outbox
          WHERE stream_entry_id IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const pipeline = this.redis.pipeline();
      for (const row of rows)
        pipeline.xadd(this.stream, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'envelope', row.envelope);
      const replies = (await pipeline.exec()) ?? [];
      const failure = replies.find(([error]) => error);
      if (failure) throw failure[0] as Error;
      await client.query(
        `UPDATE ${this.schema}.outbox AS o SET stream_entry_id = sent.entry_id
           FROM unnest($1::bigint[], $2::text[]) AS sent(seq, entry_id) WHERE o.seq = sent.seq`,
        [rows.map((row) => row.seq), replies.map(([, entryId]) => entryId)],
      );
      return rows.length;
    });
  }
}

/**
 * The floor's consumer: reads new entries of its group, then in one transaction records their event
 * ids in the inbox (a duplicate is skipped), writes the effect of each fresh one and reports it,
 * commits, and only then XACKs: each effect happens once, and an entry whose transaction failed
 * stays pending.
 */
export class FloorConsumer {
  private running = true;
  private loop?: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly commands: Redis,
    private readonly blocking: Redis,
    private readonly schema: string,
    private readonly stream: string,
    private readonly onEvent: (sentAtMs: number) => void,
  ) {}

  async start(): Promise<void> {
    await this.commands.xgroup('CREATE', this.stream, 'floor', '0', 'MKSTREAM');
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.blocking.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const reply = (await this.blocking
        .xreadgroup('GROUP', 'floor', 'bench', 'COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, '>')
        .catch(() => null)) as ReadReply;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length > 0) await this.handle(entries);
    }
  }

  private async handle(entries: [id: string, fields: string[]][]): Promise<void> {
    const events = entries.map(([, fields]) => JSON.parse(fields[1]) as { id: string; payload: { sentAtMs: number } });
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ event_id: string }>(
        `INSERT INTO ${this.schema}.inbox (event_id) SELECT unnest($1::uuid[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [events.map((event) => event.id)],
      );
      const fresh = new Set(rows.map((row) => row.event_id));
      const toHandle = events.filter((event) => fresh.delete(event.id));
      if (toHandle.length === 0) return;
      await client.query(`INSERT INTO ${this.schema}.effects (event_id) SELECT unnest($1::uuid[])`, [
        toHandle.map((event) => event.id),
      ]);
      for (const event of toHandle) this.onEvent(event.payload.sentAtMs);
    });
    await this.commands.xack(this.stream, 'floor', ...entries.map(([id]) => id));
  }
}
