import { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import {
  createMessagingTables,
  IntegrationEventHandler,
  NO_METRICS,
  Outbox,
  OutboxRelay,
  type RelayWakeups,
  StreamConsumer,
  type EnvelopeOf,
  type PendingEvent,
} from '@libs/messaging';
import { nowMs, PADDING, type BusChannel, type BusSide } from './event-bus-load.js';

type BenchEvents = Record<`${string}.bench.sent.v1`, { sentAtMs: number; padding: string }>;
type BenchEvent = EnvelopeOf<BenchEvents, `${string}.bench.sent.v1`>;

const INBOX_SCHEMA = 'bench_sink';
/**
 * Each measurement is a context of its own with its own outbox schema, as in the platform: a relay
 * sends again every kept row of its schema when its stream's history is new (ADR 0008).
 */
const schemaOf = (context: string): string => context.replace('-', '_');

/**
 * Our path: publish in a transaction, relay, consumer group with inbox. The handler's effect is one
 * row per event, written in the inbox transaction (in one statement per delivery batch through
 * `handleBatch`), as the durable floor writes it.
 */
export class OurBus implements BusSide {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly redisUrl: string,
    private readonly wakeups: RelayWakeups,
  ) {}

  /** Through the pool, not a query runner per schema: an unreleased runner would keep one of its connections. */
  async prepare(contexts: readonly string[]): Promise<void> {
    for (const context of contexts) await createMessagingTables(this.dataSource, schemaOf(context));
    await createMessagingTables(this.dataSource, INBOX_SCHEMA);
    await this.dataSource.query(`CREATE TABLE ${INBOX_SCHEMA}.effects (event_id uuid PRIMARY KEY)`);
  }

  async open(context: string, onEvent: (sentAtMs: number) => void): Promise<BusChannel> {
    const outbox = new Outbox<BenchEvents>(context, schemaOf(context));
    const type = `${context}.bench.sent.v1` as const;
    const stop = await this.start(context, onEvent);
    let published = 0;
    const pending = (): PendingEvent<BenchEvents> => ({
      type,
      payload: { sentAtMs: nowMs(), padding: PADDING },
      subject: { aggregateId: String((published += 1)) },
    });
    const publish = async (size: number): Promise<void> => {
      await this.dataSource.transaction((manager) => outbox.publishAll(manager, Array.from({ length: size }, pending)));
    };
    return { publishBatch: publish, publishOne: () => publish(1), stop };
  }

  private async start(context: string, onEvent: (sentAtMs: number) => void): Promise<() => Promise<void>> {
    const relay = new OutboxRelay(
      this.dataSource,
      this.redis,
      {
        context,
        schema: schemaOf(context),
        batchSize: 500,
        pollIntervalMs: 1000,
        // The platform's setting, and its default, so that the bench can compare values.
        lingerMs: Number(process.env.OUTBOX_LINGER_MS ?? 10),
        streamMaxLength: 1_000_000,
        streamRetentionHours: 24,
      },
      NO_METRICS,
    );
    this.wakeups.register(schemaOf(context), () => relay.wake());
    relay.start();
    const consumer = new StreamConsumer(
      this.dataSource,
      this.redis,
      new Redis(this.redisUrl),
      new EffectWritingSink(context, onEvent),
      {
        consumerName: 'bench',
        inboxSchema: INBOX_SCHEMA,
        batchSize: 500,
        blockMs: 1000,
        retryIdleMs: 30_000,
        maxDeliveries: 5,
        inboxRetentionHours: 48,
      },
      NO_METRICS,
    );
    await consumer.start();
    return async () => {
      await consumer.stop();
      await relay.stop();
    };
  }
}

/** Writes each event's effect row, then reports the event: before the commit, as the floor does. */
class EffectWritingSink extends IntegrationEventHandler<BenchEvents> {
  readonly consumer: string;
  readonly eventType: `${string}.bench.sent.v1`;

  constructor(
    context: string,
    private readonly onEvent: (sentAtMs: number) => void,
  ) {
    super();
    this.consumer = `bench-sink.${context}`;
    this.eventType = `${context}.bench.sent.v1`;
  }

  handle(event: BenchEvent, manager: EntityManager): Promise<void> {
    return this.handleBatch([event], manager);
  }

  override async handleBatch(events: readonly BenchEvent[], manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO ${INBOX_SCHEMA}.effects (event_id) SELECT unnest($1::uuid[])`, [
      events.map((event) => event.id),
    ]);
    for (const event of events) this.onEvent(event.payload.sentAtMs);
  }
}
