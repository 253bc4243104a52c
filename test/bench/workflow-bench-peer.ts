import { performance } from 'node:perf_hooks';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';

/**
 * The raw peer of `npm run bench -- workflow`, kept for scale: raw BullMQ on the same Redis, in the
 * same run, with the same worker concurrency and no database: what the queue alone costs. It is not
 * durable: a job is only as safe as Redis keeps it, and nothing is committed to PostgreSQL.
 */
export class RawBullMq {
  private readonly prefix = '{bench-raw}';

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly concurrency: number,
  ) {}

  /** Jobs per second: add `count` jobs at once, process them with an empty processor. */
  async throughput(count: number): Promise<number> {
    const queue = new Queue('raw-throughput', { connection: this.connection, prefix: this.prefix });
    let done = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker('raw-throughput', () => Promise.resolve(), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: this.concurrency,
      autorun: false,
    });
    worker.on('completed', () => (done += 1) === count && finish());
    const started = performance.now();
    void worker.run();
    await queue.addBulk(Array.from({ length: count }, (_, index) => ({ name: 'noop', data: { index } })));
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    return count / seconds;
  }

  /** Milliseconds from `add` to the processor starting, over a chain where each job adds the next. */
  async chainLatencies(count: number): Promise<number[]> {
    const queue = new Queue('raw-chain', { connection: this.connection, prefix: this.prefix });
    const latencies: number[] = [];
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker(
      'raw-chain',
      async (job) => {
        latencies.push(performance.now() - (job.data as { addedAt: number }).addedAt);
        if (latencies.length === count) return finish();
        await queue.add('noop', { addedAt: performance.now() });
      },
      { connection: this.connection, prefix: this.prefix, concurrency: this.concurrency },
    );
    await queue.add('noop', { addedAt: performance.now() });
    await finished;
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    return latencies;
  }
}
