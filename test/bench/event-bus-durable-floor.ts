import { Redis } from 'ioredis';
import pg from 'pg';
import { v7 as uuidV7 } from 'uuid';
import { FloorConsumer, FloorRelay, inTransaction } from './event-bus-floor-loops.js';
import { nowMs, PADDING, type BusChannel, type BusSide } from './event-bus-load.js';

/**
 * The durable floor of `npm run bench -- event-bus`: a hand-written outbox and inbox with the
 * guarantees ours gives and none of the platform around it. An event exists if and only if its
 * publisher's transaction committed (outbox INSERT, committed as the server commits: fsync'd); the
 * relay sends it at least once (see FloorRelay); the consumer applies its effect exactly once and
 * acknowledges only after that commit (see FloorConsumer). Left out, as they are off the per-event
 * path: reclaiming entries a dead consumer left pending (XAUTOCLAIM, every 15 s in ours), dead
 * letters, isolating a failing event of a batch, resending the kept rows when Redis lost the stream
 * (one marker read per relay pass in ours), forgetting acknowledged rows and trimming by age.
 */
export class OutboxInboxFloor implements BusSide {
  private readonly pool: pg.Pool;

  constructor(
    databaseUrl: string,
    private readonly redis: Redis,
    private readonly redisUrl: string,
  ) {
    // As many connections as ours' DataSource has.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  }

  async open(name: string, onEvent: (sentAtMs: number) => void): Promise<BusChannel> {
    const schema = `bench_floor_${name}`;
    await this.createTables(schema);
    const stream = `floor.${name}`;
    const relay = new FloorRelay(this.pool, this.redis, schema, stream);
    const consumer = new FloorConsumer(this.pool, this.redis, new Redis(this.redisUrl), schema, stream, onEvent);
    await consumer.start();
    // In a transaction of its own, as a publisher's change would be; its commit wakes the relay.
    const publish = async (size: number): Promise<void> => {
      const envelopes = Array.from({ length: size }, () => this.envelope(name));
      await inTransaction(this.pool, (client) =>
        client.query(`INSERT INTO ${schema}.outbox (id, envelope) SELECT * FROM unnest($1::uuid[], $2::json[])`, [
          envelopes.map((envelope) => envelope.id),
          envelopes.map((envelope) => JSON.stringify(envelope)),
        ]),
      );
      relay.wake();
    };
    return {
      publishBatch: publish,
      publishOne: () => publish(1),
      stop: async () => {
        await consumer.stop();
        await relay.stop();
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** An envelope of the same fields and size as ours. */
  private envelope(name: string): { id: string; [field: string]: unknown } {
    return {
      id: uuidV7(),
      type: `${name}.bench.sent.v1`,
      source: name,
      occurredAt: new Date().toISOString(),
      aggregateId: '1',
      aggregateVersion: 0,
      correlationId: uuidV7(),
      causationId: null,
      traceparent: null,
      actor: null,
      payload: { sentAtMs: nowMs(), padding: PADDING },
    };
  }

  /** The outbox keeps sent rows with their entry id, as ours does; unsent ones are found by a partial index. */
  private async createTables(schema: string): Promise<void> {
    await this.pool.query(`CREATE SCHEMA ${schema}`);
    await this.pool.query(`
      CREATE TABLE ${schema}.outbox (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL,
        envelope json NOT NULL,
        stream_entry_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await this.pool.query(`CREATE INDEX ON ${schema}.outbox (seq) WHERE stream_entry_id IS NULL`);
    await this.pool.query(`CREATE TABLE ${schema}.inbox (event_id uuid PRIMARY KEY)`);
    await this.pool.query(`CREATE TABLE ${schema}.effects (event_id uuid PRIMARY KEY)`);
  }
}
