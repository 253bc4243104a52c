import type { FileHandle } from 'node:fs/promises';
import { finished, type Writable } from 'node:stream';

export interface SendBuffers {
  /** Bytes read and written at a time. */
  readonly chunkBytes: number;
  /** How many chunks may be in the destination's hands at once. */
  readonly count: number;
}

/**
 * Writes `length` bytes of `file` from `position` into `destination` and ends it, reading into a
 * few buffers that are reused once the destination calls back for them.
 *
 * Why not a read stream: it allocates a new buffer for every chunk. Each 64 MB of them is an
 * external-memory report to V8, which forces a scavenge, and the chunks still in flight across two
 * scavenges are promoted, so only a mark-compact of the whole heap frees them. In the platform's
 * process that kept a 1 GB download mark-compacting every ~200 ms, over half of its CPU. Here a
 * download allocates its few buffers once.
 */
export async function sendFileRange(
  file: FileHandle,
  { position, length }: { position: number; length: number },
  destination: Writable,
  buffers: SendBuffers,
): Promise<void> {
  const size = Math.min(buffers.chunkBytes, length);
  const count = length === 0 ? 0 : Math.min(buffers.count, Math.ceil(length / size));
  const free = Array.from({ length: count }, () => Buffer.allocUnsafe(size));
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = () => {
    const waiter = wake;
    wake = undefined;
    waiter?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  const throwIfFailed = () => {
    if (failure) throw failure;
  };
  const done = new Promise<void>((resolve, reject) =>
    finished(destination, (error) => {
      if (!error) return resolve();
      fail(error);
      reject(error);
    }),
  );
  // Awaited below, unless a read fails first and this function throws that error instead.
  done.catch(() => undefined);
  try {
    const end = position + length;
    while (position < end) {
      while (free.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      throwIfFailed();
      const buffer = free.pop()!;
      const { bytesRead } = await file.read(buffer, 0, Math.min(size, end - position), position);
      throwIfFailed();
      if (bytesRead === 0) throw new Error(`The file ended ${end - position} bytes before the range did`);
      position += bytesRead;
      // The callback is the destination saying it is done with the bytes (a socket has handed
      // them to the kernel): only then may the next read overwrite them.
      destination.write(buffer.subarray(0, bytesRead), (error) => {
        if (error) return fail(error);
        free.push(buffer);
        settle();
      });
    }
    destination.end();
  } catch (error) {
    destination.destroy(error as Error);
    throw error;
  }
  await done;
}
