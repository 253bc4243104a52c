import { hrtime } from 'node:process';

/** The load every side of `npm run bench -- event-bus` gets: the same events, batches and rate. */
export const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
/** Sent through every side before any is measured, so none is measured while the code they share is still cold. */
export const WARM_UP_EVENTS = 2_000;
export const PUBLISH_BATCH = 100;
const PUBLISHERS = 4;
export const RATE_PER_SECOND = 1000;
export const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 5);
export const PADDING = 'x'.repeat(200);

export const nowMs = (): number => Number(hrtime.bigint()) / 1e6;

/** One stream of one side, open: events published on it reach the `onEvent` given when it opened. */
export interface BusChannel {
  publishBatch(size: number): Promise<void>;
  publishOne(index: number): Promise<void>;
  stop(): Promise<void>;
}

/** A side of the comparison: ours, the raw loop or the durable floor. */
export interface BusSide {
  /** Starts consuming `name`; `onEvent` gets the send time each event carries, once per event. */
  open(name: string, onEvent: (sentAtMs: number) => void): Promise<BusChannel>;
}

/** Events per second, flat out: PUBLISHERS publishers each sending batches until all `events` arrived. */
export async function throughputOf(side: BusSide, name: string, events = THROUGHPUT_EVENTS): Promise<number> {
  let received = 0;
  const channel = await side.open(name, () => (received += 1));
  const started = nowMs();
  const perPublisher = events / PUBLISHERS;
  await Promise.all(
    Array.from({ length: PUBLISHERS }, async () => {
      for (let sent = 0; sent < perPublisher; sent += PUBLISH_BATCH) await channel.publishBatch(PUBLISH_BATCH);
    }),
  );
  await until(() => received >= events);
  const seconds = (nowMs() - started) / 1000;
  await channel.stop();
  return events / seconds;
}

/** End-to-end milliseconds at RATE_PER_SECOND, the first tenth (warm-up) left out. */
export async function latenciesAtFixedRate(side: BusSide, name: string): Promise<number[]> {
  const latencies: number[] = [];
  const channel = await side.open(name, (sentAtMs) => latencies.push(nowMs() - sentAtMs));
  const total = await atFixedRate((index) => channel.publishOne(index));
  await until(() => latencies.length >= total);
  await channel.stop();
  return latencies.slice(Math.floor(total / 10));
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
