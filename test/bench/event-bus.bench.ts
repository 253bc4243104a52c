import 'reflect-metadata';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxCommitSubscriber, OutboxDoorbell, RelayWakeups } from '@libs/messaging';
import {
  latencyRatiosTo,
  peersOf,
  percentilesOf,
  printSideBySide,
  ratiosTo,
  type Figures,
  type Peers,
} from './bench-comparison.js';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import { reportResult, round } from './bench-result.js';
import { OutboxInboxFloor } from './event-bus-durable-floor.js';
import {
  LATENCY_SECONDS,
  latenciesAtFixedRate,
  RATE_PER_SECOND,
  THROUGHPUT_EVENTS,
  throughputOf,
  WARM_UP_EVENTS,
} from './event-bus-load.js';
import { OurBus } from './event-bus-ours.js';
import { RawLoop } from './event-bus-raw-peer.js';

/**
 * `npm run bench -- event-bus`: events through our outbox, relay, consumer group and inbox, beside,
 * on the same PostgreSQL and Redis in the same run: the durable floor (a hand-written outbox/inbox
 * loop with the same guarantees) and the raw pipelined XADD / XREADGROUP / XACK loop (not durable,
 * for scale). Throughput flat out, each side after the other, then end-to-end latency at a fixed
 * 1,000 events/s, each side after the other.
 */
async function main(): Promise<void> {
  const databaseUrl = await freshBenchDatabase('mlops_bench_event_bus');
  const redisUrl = await freshBenchRedis();
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 8 }).initialize();
  const redis = new Redis(redisUrl);
  const wakeups = new RelayWakeups();
  dataSource.subscribers.push(new OutboxCommitSubscriber(new OutboxDoorbell(wakeups)));
  const ours = new OurBus(dataSource, redis, redisUrl, wakeups);
  await ours.prepare(['bench-warmup', 'bench-throughput', 'bench-latency']);
  const floor = new OutboxInboxFloor(databaseUrl, redis, redisUrl);
  const raw = new RawLoop(redis, redisUrl);

  // Whichever side ran first would otherwise also warm up (JIT) the pg, ioredis and JSON code the others use.
  await throughputOf(ours, 'bench-warmup', WARM_UP_EVENTS);
  await throughputOf(raw, 'raw.warmup', WARM_UP_EVENTS);
  await throughputOf(floor, 'warmup', WARM_UP_EVENTS);

  const throughput = {
    ours: await throughputOf(ours, 'bench-throughput'),
    raw: await throughputOf(raw, 'raw.throughput'),
    durableFloor: await throughputOf(floor, 'throughput'),
  };
  const latency = {
    ours: percentilesOf(await latenciesAtFixedRate(ours, 'bench-latency')),
    raw: percentilesOf(await latenciesAtFixedRate(raw, 'raw.latency')),
    durableFloor: percentilesOf(await latenciesAtFixedRate(floor, 'latency')),
  };
  await floor.close();
  await dataSource.destroy();
  redis.disconnect();

  const oursFigures: Figures = { throughput: throughput.ours, latency: latency.ours };
  const peers: Peers<Figures> = {
    raw: { throughput: throughput.raw, latency: latency.raw },
    durableFloor: { throughput: throughput.durableFloor, latency: latency.durableFloor },
  };
  printSideBySide(
    `event-bus: ${THROUGHPUT_EVENTS} events flat out, then latency at ${RATE_PER_SECOND} events/s for ${LATENCY_SECONDS} s`,
    { throughput: 'events/s', latency: 'ms' },
    oursFigures,
    peers,
  );
  // The headline peer is the durable floor, which the bus's goals are set against.
  reportResult({
    name: 'event-bus',
    ours: round(throughput.ours),
    peer: round(throughput.durableFloor),
    unit: 'events/s',
    ratio: round(throughput.ours / throughput.durableFloor, 3),
    peers: peersOf(peers, (figures) => round(figures.throughput)),
    ratios: ratiosTo(
      throughput.ours,
      peersOf(peers, (figures) => figures.throughput),
    ),
    events: THROUGHPUT_EVENTS,
    effect: 'one row per event, in the inbox transaction',
    latencyAtRate: {
      ratePerSecond: RATE_PER_SECOND,
      seconds: LATENCY_SECONDS,
      unit: 'ms',
      ours: latency.ours,
      peers: peersOf(peers, (figures) => figures.latency),
      ratios: latencyRatiosTo(
        latency.ours,
        peersOf(peers, (figures) => figures.latency),
      ),
    },
  });
}

await main();
