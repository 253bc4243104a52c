import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

// The default: 1 GiB costs 32 extra fdatasyncs, each after the disk has had 32 MiB to write.
const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Writes a stream into an open file and has the disk write it while it is still arriving: each
 * time another `flushEveryBytes` have been written, an fdatasync starts in the background (one at
 * a time). Without this Linux keeps an object of less than a tenth of RAM as dirty pages until the
 * closing fsync, so a 1 GB upload first waits for the network with the disk idle, then for the
 * disk with the network idle; now the two overlap and the closing fsync has only the tail left.
 * The file stays open: its owner makes the closing fsync and closes it.
 */
export class FlushingFileWriter extends Writable {
  private written = 0;
  private flushedThrough = 0;
  private flushing?: Promise<void>;
  private flushFailure?: Error;

  constructor(
    private readonly file: FileHandle,
    private readonly flushEveryBytes = FLUSH_EVERY_BYTES,
  ) {
    super();
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.writeAll(chunks.map(({ chunk }) => chunk)).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.settled().then(() => callback(this.flushFailure), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // The owner closes the file once this stream has failed: not while an fdatasync still uses it.
    this.settled().then(() => callback(error), callback);
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    if (this.flushFailure) throw this.flushFailure;
    let pending = buffers;
    while (pending.length > 0) {
      const { bytesWritten } = await this.file.writev(pending);
      this.written += bytesWritten;
      pending = afterBytes(pending, bytesWritten);
    }
    if (!this.flushing && this.written - this.flushedThrough >= this.flushEveryBytes) this.startFlush();
  }

  private startFlush(): void {
    const through = this.written;
    this.flushing = this.file.datasync().then(
      () => {
        this.flushedThrough = through;
        this.flushing = undefined;
      },
      (error: Error) => {
        this.flushFailure ??= error;
        this.flushing = undefined;
      },
    );
  }

  private async settled(): Promise<void> {
    await this.flushing;
  }
}

/** What is left of `buffers` once their first `count` bytes are written (a write may be partial). */
function afterBytes(buffers: Buffer[], count: number): Buffer[] {
  let skipped = count;
  let index = 0;
  while (index < buffers.length && skipped >= buffers[index].length) skipped -= buffers[index++].length;
  if (index === buffers.length) return [];
  return [buffers[index].subarray(skipped), ...buffers.slice(index + 1)];
}
