import { performance } from 'node:perf_hooks';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import pg from 'pg';

interface FloorJob {
  readonly task: string;
  /** For the chain: when the previous job began to commit its outcome. */
  readonly committingAt?: number;
}

/**
 * The durable floor of `npm run bench -- workflow`: raw BullMQ where each job's processor commits
 * one PostgreSQL row (an autocommit INSERT on a pooled connection, one connection per worker slot,
 * synchronous_commit as the server has it, so PostgreSQL's own group commit is the only batching),
 * and a job's dependents are added only after that commit. What it guarantees is the least a durable
 * engine must: a task counted done is on disk before anything depending on it is dispatched. It
 * keeps no run state, transition log, retries or outbox: one durable write per task on top of the
 * queue, which no design that writes PostgreSQL per task can beat.
 */
export class DurableFloor {
  private readonly prefix = '{bench-floor}';
  private readonly pool: pg.Pool;
  private runs = 0;

  constructor(
    databaseUrl: string,
    private readonly connection: ConnectionOptions,
    private readonly concurrency: number,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  }

  async prepare(): Promise<void> {
    await this.pool.query('CREATE SCHEMA IF NOT EXISTS bench_floor');
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS bench_floor.task_outcomes (
        run text NOT NULL,
        task text NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run, task)
      )`);
  }

  /**
   * Tasks per second over the same fan-out/fan-in as ours: the root, then the `count - 2` middle
   * tasks added once the root's outcome committed, then the join once the last of them committed.
   */
  async throughput(count: number): Promise<number> {
    const middle = count - 2;
    let middleDone = 0;
    const run = this.nextRun('fan');
    const ms = await this.runJobs('floor-fan', { task: 'root' }, async (job, queue, finish) => {
      await this.commitOutcome(run, job.data.task);
      if (job.data.task === 'root') {
        const tasks = Array.from({ length: middle }, (_, index) => ({ name: 'noop', data: { task: `t${index}` } }));
        await queue.addBulk(tasks);
      } else if (job.data.task === 'join') finish();
      else if ((middleDone += 1) === middle) await queue.add('noop', { task: 'join' });
    });
    return count / (ms / 1000);
  }

  /**
   * Over a chain of `count` jobs, each added once its predecessor's outcome committed: milliseconds
   * from the predecessor beginning its commit to the job's processor starting (the commit, the add
   * and the pick-up), as ours is measured from a task's success to its dependent's start.
   */
  async chainLatencies(count: number): Promise<number[]> {
    const latencies: number[] = [];
    const run = this.nextRun('chain');
    await this.runJobs('floor-chain', { task: 'c0' }, async (job, queue, finish) => {
      if (job.data.committingAt !== undefined) latencies.push(performance.now() - job.data.committingAt);
      const committingAt = performance.now();
      await this.commitOutcome(run, job.data.task);
      if (latencies.length === count - 1) return finish();
      await queue.add('noop', { task: `c${latencies.length + 1}`, committingAt });
    });
    return latencies;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Each run's outcomes under a name of its own: the table's key is (run, task). */
  private nextRun(kind: string): string {
    this.runs += 1;
    return `${kind}-${this.runs}`;
  }

  private async commitOutcome(run: string, task: string): Promise<void> {
    await this.pool.query('INSERT INTO bench_floor.task_outcomes (run, task) VALUES ($1, $2)', [run, task]);
  }

  /**
   * Adds `first` to a fresh queue and processes it and what it adds until `finish` is called;
   * answers the milliseconds from that first add to the finish.
   */
  private async runJobs(
    name: string,
    first: FloorJob,
    process: (job: Job<FloorJob>, queue: Queue, finish: () => void) => Promise<void>,
  ): Promise<number> {
    const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker<FloorJob>(name, (job) => process(job, queue, finish), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: this.concurrency,
    });
    await worker.waitUntilReady();
    const started = performance.now();
    await queue.add('noop', first);
    await finished;
    const ms = performance.now() - started;
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    return ms;
  }
}
