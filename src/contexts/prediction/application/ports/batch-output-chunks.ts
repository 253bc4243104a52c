import type { ByteStream } from './batch-datasets.js';

/**
 * Port: where a batch prediction's output waits, one durable piece per chunk, until the job
 * assembles it. Writing a chunk again replaces it, so a chunk redone after a crash is never doubled.
 */
export abstract class BatchOutputChunks {
  /** Stores chunk `index`'s rows as JSON Lines. */
  abstract write(jobId: string, index: number, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Chunks 0 .. count-1 as one stream of JSON Lines, read one chunk at a time. */
  abstract assembled(jobId: string, count: number): ByteStream;
  /** Removes the chunks once the output is registered (or the job ended without one). */
  abstract discard(jobId: string, count: number): Promise<void>;
}
