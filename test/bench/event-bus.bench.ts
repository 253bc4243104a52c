import 'reflect-metadata';
import { hrtime } from 'node:process';
import { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import {
  createMessagingTables,
  IntegrationEventHandler,
  NO_METRICS,
  Outbox,
  OutboxCommitSubscriber,
  OutboxRelay,
  RelayWakeups,
  StreamConsumer,
  type EnvelopeOf,
  type PendingEvent,
} from '@libs/messaging';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import { percentile, reportResult, round } from './bench-result.js';

/**
 * `npm run bench -- event-bus`: events through our outbox, relay, consumer group
 * and inbox, against a pipelined raw ioredis XADD / XREADGROUP / XACK loop on the
 * same Redis in the same run. Throughput flat out, then end-to-end latency at a
 * fixed 1,000 events/s.
 */
const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PUBLISH_BATCH = 100;
const PUBLISHERS = 4;
const RATE_PER_SECOND = 1000;
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 5);

type BenchEvents = Record<`${string}.bench.sent.v1`, { sentAtMs: number; padding: string }>;
const PADDING = 'x'.repeat(200);

/**
 * Each measurement is a context of its own with its own outbox schema, as in the platform: a relay
 * sends again every kept row of its schema when its stream's history is new (ADR 0008).
 */
const OUR_CONTEXTS = ['bench-throughput', 'bench-latency'] as const;
const schemaOf = (context: string): string => context.replace('-', '_');

const nowMs = (): number => Number(hrtime.bigint()) / 1e6;

async function main(): Promise<void> {
  const databaseUrl = await freshBenchDatabase('mlops_bench_event_bus');
  const redisUrl = await freshBenchRedis();
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 8 }).initialize();
  const redis = new Redis(redisUrl);
  const wakeups = new RelayWakeups();
  dataSource.subscribers.push(new OutboxCommitSubscriber(wakeups));
  for (const context of OUR_CONTEXTS) await createMessagingTables(dataSource.createQueryRunner(), schemaOf(context));
  await createMessagingTables(dataSource.createQueryRunner(), 'bench_sink');
  const ours = new OurBus(dataSource, redis, redisUrl, wakeups);
  const raw = new RawLoop(redis, redisUrl);

  const oursThroughput = await ours.throughput('bench-throughput');
  const rawThroughput = await raw.throughput('raw.throughput');
  const oursLatency = await ours.latencyAtFixedRate('bench-latency');
  const rawLatency = await raw.latencyAtFixedRate('raw.latency');

  reportResult({
    name: 'event-bus',
    ours: round(oursThroughput),
    peer: round(rawThroughput),
    unit: 'events/s',
    ratio: round(oursThroughput / rawThroughput, 3),
    events: THROUGHPUT_EVENTS,
    latencyAtRate: {
      ratePerSecond: RATE_PER_SECOND,
      seconds: LATENCY_SECONDS,
      unit: 'ms',
      ours: { p50: round(percentile(oursLatency, 50)), p99: round(percentile(oursLatency, 99)) },
      peer: { p50: round(percentile(rawLatency, 50)), p99: round(percentile(rawLatency, 99)) },
      p99Ratio: round(percentile(oursLatency, 99) / percentile(rawLatency, 99), 2),
    },
  });
  await dataSource.destroy();
  redis.disconnect();
}

/** Our path: publish in a transaction, relay, consumer group with inbox. */
class OurBus {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly redisUrl: string,
    private readonly wakeups: RelayWakeups,
  ) {}

  async throughput(context: string): Promise<number> {
    const outbox = new Outbox<BenchEvents>(context, schemaOf(context));
    const type = `${context}.bench.sent.v1` as const;
    let received = 0;
    const stop = await this.start(context, () => (received += 1));
    const started = nowMs();
    const perPublisher = THROUGHPUT_EVENTS / PUBLISHERS;
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        for (let sent = 0; sent < perPublisher; sent += PUBLISH_BATCH) {
          const batch: PendingEvent<BenchEvents>[] = Array.from({ length: PUBLISH_BATCH }, (_, index) => ({
            type,
            payload: { sentAtMs: nowMs(), padding: PADDING },
            subject: { aggregateId: String(sent + index) },
          }));
          await this.dataSource.transaction((manager) => outbox.publishAll(manager, batch));
        }
      }),
    );
    await until(() => received >= THROUGHPUT_EVENTS);
    const seconds = (nowMs() - started) / 1000;
    await stop();
    return THROUGHPUT_EVENTS / seconds;
  }

  async latencyAtFixedRate(context: string): Promise<number[]> {
    const outbox = new Outbox<BenchEvents>(context, schemaOf(context));
    const type = `${context}.bench.sent.v1` as const;
    const latencies: number[] = [];
    const stop = await this.start(context, (event) => latencies.push(nowMs() - event.payload.sentAtMs));
    const total = await atFixedRate((index) =>
      this.dataSource.transaction((manager) =>
        outbox.publish(manager, type, { sentAtMs: nowMs(), padding: PADDING }, { aggregateId: String(index) }),
      ),
    );
    await until(() => latencies.length >= total);
    await stop();
    return latencies.slice(Math.floor(total / 10));
  }

  private async start(
    context: string,
    onEvent: (event: EnvelopeOf<BenchEvents, `${string}.bench.sent.v1`>) => void,
  ): Promise<() => Promise<void>> {
    const relay = new OutboxRelay(
      this.dataSource,
      this.redis,
      {
        context,
        schema: schemaOf(context),
        batchSize: 500,
        pollIntervalMs: 1000,
        streamMaxLength: 1_000_000,
        streamRetentionHours: 24,
      },
      NO_METRICS,
    );
    this.wakeups.register(schemaOf(context), () => relay.wake());
    relay.start();
    class Sink extends IntegrationEventHandler<BenchEvents> {
      readonly consumer = `bench-sink.${context}`;
      readonly eventType = `${context}.bench.sent.v1` as const;
      handle(event: EnvelopeOf<BenchEvents, `${string}.bench.sent.v1`>, _manager: EntityManager): Promise<void> {
        onEvent(event);
        return Promise.resolve();
      }
    }
    const consumer = new StreamConsumer(
      this.dataSource,
      this.redis,
      new Redis(this.redisUrl),
      new Sink(),
      {
        consumerName: 'bench',
        inboxSchema: 'bench_sink',
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

/** The peer: what the same Redis does with a bare, pipelined loop. */
class RawLoop {
  constructor(
    private readonly redis: Redis,
    private readonly redisUrl: string,
  ) {}

  async throughput(stream: string): Promise<number> {
    let received = 0;
    const stop = await this.consume(stream, () => (received += 1));
    const started = nowMs();
    const envelope = JSON.stringify({ sentAtMs: 0, padding: PADDING });
    const perPublisher = THROUGHPUT_EVENTS / PUBLISHERS;
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        for (let sent = 0; sent < perPublisher; sent += PUBLISH_BATCH) {
          const pipeline = this.redis.pipeline();
          for (let index = 0; index < PUBLISH_BATCH; index += 1)
            pipeline.xadd(stream, '*', 'sentAtMs', String(nowMs()), 'envelope', envelope);
          await pipeline.exec();
        }
      }),
    );
    await until(() => received >= THROUGHPUT_EVENTS);
    const seconds = (nowMs() - started) / 1000;
    await stop();
    return THROUGHPUT_EVENTS / seconds;
  }

  async latencyAtFixedRate(stream: string): Promise<number[]> {
    const latencies: number[] = [];
    const stop = await this.consume(stream, (sentAtMs) => latencies.push(nowMs() - sentAtMs));
    const envelope = JSON.stringify({ sentAtMs: 0, padding: PADDING });
    const total = await atFixedRate(() =>
      this.redis.xadd(stream, '*', 'sentAtMs', String(nowMs()), 'envelope', envelope),
    );
    await until(() => latencies.length >= total);
    await stop();
    return latencies.slice(Math.floor(total / 10));
  }

  private async consume(stream: string, onEntry: (sentAtMs: number) => void): Promise<() => Promise<void>> {
    const reader = new Redis(this.redisUrl);
    await this.redis.xgroup('CREATE', stream, 'raw', '0', 'MKSTREAM');
    let running = true;
    const loop = (async () => {
      while (running) {
        const reply = (await reader
          .xreadgroup('GROUP', 'raw', 'bench', 'COUNT', 500, 'BLOCK', 200, 'STREAMS', stream, '>')
          .catch(() => null)) as [string, [string, string[]][]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length === 0) continue;
        for (const [, fields] of entries) onEntry(Number(fields[1]));
        await this.redis.xack(stream, 'raw', ...entries.map(([id]) => id));
      }
    })();
    return async () => {
      running = false;
      await loop;
      reader.disconnect();
    };
  }
}

/** Calls `send` RATE_PER_SECOND times a second for LATENCY_SECONDS, on schedule, without waiting for each. */
async function atFixedRate(send: (index: number) => Promise<unknown>): Promise<number> {
  const total = RATE_PER_SECOND * LATENCY_SECONDS;
  const started = nowMs();
  const inFlight: Promise<unknown>[] = [];
  let index = 0;
  while (index < total) {
    const due = Math.min(total, Math.floor(((nowMs() - started) * RATE_PER_SECOND) / 1000) + 1);
    for (; index < due; index += 1) inFlight.push(send(index));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  return total;
}

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

await main();
