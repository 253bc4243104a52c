import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import {
  createMessagingTables,
  IntegrationEventHandler,
  NO_METRICS,
  Outbox,
  OutboxCommitSubscriber,
  OutboxDoorbell,
  OutboxRelay,
  RelayWakeups,
  StreamConsumer,
  type EnvelopeOf,
} from '@libs/messaging';
import { scaled } from '@libs/testing';
import type { EntityManager } from 'typeorm';

/** The events of a throwaway test context. */
export interface ProbeEvents {
  [type: `${string}.probe.recorded.v1`]: { key: string; fail?: boolean };
  [type: `${string}.probe.revised.v1`]: { key: string; fail?: boolean };
  [type: `${string}.probe.withdrawn.v1`]: { key: string; fail?: boolean };
}

/** A probe event's kind: `recorded` unless a test says otherwise. */
type ProbeKind = 'recorded' | 'revised' | 'withdrawn';

/**
 * A bus wired by hand on the real PostgreSQL and Redis: a producer context with
 * its outbox and relay, and a consumer context whose handler records an effect
 * row per event (or throws when asked to).
 */
export class BusFixture {
  readonly suffix = randomBytes(4).toString('hex');
  readonly producer = `probe-${this.suffix}`;
  readonly producerSchema = `probe_${this.suffix}`;
  readonly consumerSchema = `sink_${this.suffix}`;
  readonly eventType = `${this.producer}.probe.recorded.v1` as const;
  readonly wakeups = new RelayWakeups();
  readonly outbox = new Outbox<ProbeEvents>(this.producer, this.producerSchema);
  readonly dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 4 });
  readonly redis = new Redis(process.env.REDIS_URL!);
  readonly attempts = new Map<string, number>();
  /** The sizes of the batches a batched consumer was handed. */
  readonly batches: number[] = [];
  private readonly started: { stop(): Promise<void> }[] = [];

  async setUp(): Promise<void> {
    await this.dataSource.initialize();
    this.dataSource.subscribers.push(new OutboxCommitSubscriber(new OutboxDoorbell(this.wakeups)));
    const runner = this.dataSource.createQueryRunner();
    await createMessagingTables(runner, this.producerSchema);
    await createMessagingTables(runner, this.consumerSchema);
    await runner.query(`CREATE TABLE "${this.consumerSchema}".effects (key text PRIMARY KEY, event_id uuid NOT NULL)`);
    await runner.release();
  }

  async tearDown(): Promise<void> {
    for (const part of this.started.reverse()) await part.stop();
    for (const schema of [this.producerSchema, this.consumerSchema])
      await this.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await this.dataSource.destroy();
    this.redis.disconnect();
  }

  typeOf(kind: ProbeKind): `${string}.probe.${ProbeKind}.v1` {
    return `${this.producer}.probe.${kind}.v1`;
  }

  async publish(key: string, options: { fail?: boolean; rollback?: boolean; kind?: ProbeKind } = {}): Promise<void> {
    const type = this.typeOf(options.kind ?? 'recorded');
    await this.dataSource
      .transaction(async (manager) => {
        await this.outbox.publish(manager, type, { key, fail: options.fail }, { aggregateId: key });
        if (options.rollback) throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }

  /** `onPass`: told how many rows each pass that sent some sent. */
  startRelay(
    overrides: { pollIntervalMs?: number; lingerMs?: number; onPass?: (sent: number) => void } = {},
  ): OutboxRelay {
    const onPass = overrides.onPass;
    const relay = new OutboxRelay(
      this.dataSource,
      this.redis,
      {
        context: this.producer,
        schema: this.producerSchema,
        batchSize: 100,
        pollIntervalMs: overrides.pollIntervalMs ?? scaled(60_000),
        lingerMs: overrides.lingerMs ?? 0,
        streamMaxLength: 100_000,
        streamRetentionHours: 24,
      },
      onPass ? { ...NO_METRICS, published: (_stream, count) => onPass(count) } : NO_METRICS,
    );
    this.wakeups.register(this.producerSchema, () => relay.wake());
    relay.start();
    this.started.push(relay);
    return relay;
  }

  /**
   * The recording consumer writes effects and honours `fail`; an observer only counts deliveries.
   * It subscribes to `recorded` events, or to the `kinds` given.
   */
  async startConsumer(
    options: {
      maxDeliveries?: number;
      observer?: string;
      inboxRetentionHours?: number;
      batched?: boolean;
      kinds?: readonly ProbeKind[];
      /** Makes the handler say which events it wants before the inbox: those with these keys. */
      wanting?: readonly string[];
    } = {},
  ): Promise<StreamConsumer> {
    const handler = options.batched ? new RecordProbeBatches(this) : new RecordProbe(this, options.observer);
    if (options.kinds) handler.eventType = options.kinds.map((kind) => this.typeOf(kind));
    const wanting = options.wanting;
    if (wanting)
      handler.wanted = (events) => Promise.resolve(events.map((event) => wanting.includes(event.payload.key)));
    const consumer = new StreamConsumer(
      this.dataSource,
      this.redis,
      new Redis(process.env.REDIS_URL!),
      handler,
      {
        consumerName: `test-${this.suffix}`,
        inboxSchema: this.consumerSchema,
        batchSize: 50,
        blockMs: 200,
        retryIdleMs: 100,
        maxDeliveries: options.maxDeliveries ?? 3,
        inboxRetentionHours: options.inboxRetentionHours ?? 48,
      },
      NO_METRICS,
    );
    await consumer.start();
    this.started.push(consumer);
    return consumer;
  }

  attemptsOf(key: string, consumer = 'sink.record-probe'): number {
    return this.attempts.get(`${consumer}:${key}`) ?? 0;
  }

  countAttempt(consumer: string, key: string): void {
    this.attempts.set(`${consumer}:${key}`, this.attemptsOf(key, consumer) + 1);
  }

  async effects(): Promise<string[]> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT key FROM "${this.consumerSchema}".effects ORDER BY key`,
    );
    return rows.map((row) => row.key);
  }

  /** Events the consumer context's inbox holds, of any consumer. */
  async inboxed(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.consumerSchema}".inbox`);
    return row.n;
  }

  async unpublished(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM "${this.producerSchema}".outbox WHERE stream_entry_id IS NULL`,
    );
    return row.n;
  }
}

class RolledBack extends Error {}

type ProbeType = ReturnType<BusFixture['typeOf']>;

class RecordProbe extends IntegrationEventHandler<ProbeEvents, ProbeType> {
  readonly consumer: string;
  eventType: ProbeType | readonly ProbeType[];

  constructor(
    private readonly fixture: BusFixture,
    private readonly observer?: string,
  ) {
    super();
    this.consumer = `sink.${observer ?? 'record-probe'}`;
    this.eventType = fixture.eventType;
  }

  async handle(event: EnvelopeOf<ProbeEvents, ProbeType>, manager: EntityManager): Promise<void> {
    this.fixture.countAttempt(this.consumer, event.payload.key);
    if (this.observer) return;
    await manager.query(`INSERT INTO "${this.fixture.consumerSchema}".effects (key, event_id) VALUES ($1, $2)`, [
      event.payload.key,
      event.id,
    ]);
    if (event.payload.fail) throw new Error(`probe ${event.payload.key} refused`);
  }
}

/** The recording consumer, taking a delivery batch at once: one statement for all its effects. */
class RecordProbeBatches extends RecordProbe {
  constructor(private readonly recorder: BusFixture) {
    super(recorder);
  }

  override async handleBatch(
    events: readonly EnvelopeOf<ProbeEvents, ProbeType>[],
    manager: EntityManager,
  ): Promise<void> {
    this.recorder.batches.push(events.length);
    await manager.query(
      `INSERT INTO "${this.recorder.consumerSchema}".effects (key, event_id) SELECT unnest($1::text[]), unnest($2::uuid[])`,
      [events.map((event) => event.payload.key), events.map((event) => event.id)],
    );
    const refused = events.find((event) => event.payload.fail);
    if (refused) throw new Error(`probe ${refused.payload.key} refused`);
  }
}
