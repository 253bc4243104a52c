import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type BcryptJob =
  | { readonly op: 'hash'; readonly password: string; readonly cost: number }
  | { readonly op: 'compare'; readonly password: string; readonly hash: string };

const WORKER_NICENESS = 10;

interface Pending {
  readonly id: number;
  readonly job: BcryptJob;
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}

// Inline source so the same pool runs from dist/, under Jest and in the benchmark without a
// separate .js file to ship. Passwords are pre-hashed (SHA-256, base64) so bcrypt's 72-byte
// limit never truncates long passphrases and NUL bytes cannot end one early.
// Each worker lowers its own scheduling priority (on Linux, setpriority of "process 0" applies
// to the calling thread only): hashes still use every idle core, but when cores are short the
// kernel runs the event loop first, so login load does not delay other requests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
try { require('node:os').setPriority(0, workerData.niceness); } catch {}
const bcrypt = require(workerData.bcryptPath);
parentPort.on('message', ({ id, job }) => {
  try {
    const material = createHash('sha256').update(job.password, 'utf8').digest('base64');
    const result = job.op === 'hash' ? bcrypt.hashSync(material, job.cost) : bcrypt.compareSync(material, job.hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

/**
 * bcryptjs on worker threads: a hash at cost 12 takes a few hundred milliseconds of CPU, which
 * on the main thread would stall every other request. One job per worker at a time, FIFO.
 */
export class BcryptWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private started = false;
  private closed = false;

  constructor(private readonly size: number) {}

  run(job: BcryptJob): Promise<string | boolean> {
    if (this.closed) return Promise.reject(new Error('The bcrypt worker pool is closed'));
    this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: (this.nextId += 1), job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const pending of [...this.busy.values(), ...this.queue.splice(0)])
      pending.reject(new Error('The bcrypt worker pool closed'));
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (let index = 0; index < this.size; index += 1) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const bcryptPath = createRequire(import.meta.url).resolve('bcryptjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath, niceness: WORKER_NICENESS } });
    worker.on('message', (reply: { id: number; result?: string | boolean; error?: string }) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      if (pending) {
        if (reply.error !== undefined) pending.reject(new Error(reply.error));
        else pending.resolve(reply.result!);
      }
      if (!this.closed) this.idle.push(worker);
      this.dispatch();
    });
    worker.on('error', (error: Error) => this.replace(worker, error));
    return worker;
  }

  /** A crashed worker fails only its own job; a fresh one takes its place. */
  private replace(worker: Worker, error: Error): void {
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    if (this.closed) return;
    this.idle.push(this.spawn());
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  }
}
