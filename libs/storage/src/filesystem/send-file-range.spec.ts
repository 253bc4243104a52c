import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sendFileRange } from './send-file-range.js';

const BUFFERS = { chunkBytes: 1000, count: 2 };

/**
 * A destination that, like a socket, is done with a chunk only when it calls back: it copies the
 * chunk then, a turn of the event loop after the write, so a chunk overwritten early shows.
 */
function slowSocket(failOnChunk?: number) {
  const copies: Buffer[] = [];
  // Where each chunk's bytes live: its memory and offset in it (small buffers share one pool).
  const regions = new Map<ArrayBufferLike, Set<number>>();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      regions.set(chunk.buffer, (regions.get(chunk.buffer) ?? new Set()).add(chunk.byteOffset));
      setImmediate(() => {
        if (copies.length === failOnChunk) return callback(new Error('connection reset'));
        copies.push(Buffer.from(chunk));
        callback();
      });
    },
  });
  return {
    destination,
    received: () => Buffer.concat(copies),
    distinctBuffers: () => [...regions.values()].reduce((count, offsets) => count + offsets.size, 0),
  };
}

describe('sendFileRange', () => {
  let directory: string;
  let file: FileHandle;
  const bytes = randomBytes(10_500);

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'send-file-range-'));
    await writeFile(join(directory, 'object'), bytes);
    file = await open(join(directory, 'object'), 'r');
  });

  afterEach(async () => {
    await file.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('writes the bytes of the range into the destination and ends it', async () => {
    const socket = slowSocket();
    await sendFileRange(file, { position: 123, length: 9000 }, socket.destination, BUFFERS);
    expect(socket.received().equals(bytes.subarray(123, 9123))).toBe(true);
    expect(socket.destination.writableFinished).toBe(true);
  });

  it('reuses its few buffers for every chunk, never one before the destination is done with it', async () => {
    const socket = slowSocket();
    await sendFileRange(file, { position: 0, length: bytes.length }, socket.destination, BUFFERS);
    expect(socket.received().equals(bytes)).toBe(true);
    expect(socket.distinctBuffers()).toBeLessThanOrEqual(BUFFERS.count);
  });

  it('ends an empty range without writing', async () => {
    const socket = slowSocket();
    await sendFileRange(file, { position: 0, length: 0 }, socket.destination, BUFFERS);
    expect(socket.received().length).toBe(0);
    expect(socket.destination.writableFinished).toBe(true);
  });

  it('stops, and fails, when the destination fails', async () => {
    const socket = slowSocket(3);
    await expect(
      sendFileRange(file, { position: 0, length: bytes.length }, socket.destination, BUFFERS),
    ).rejects.toThrow('connection reset');
    expect(socket.received().length).toBe(3 * BUFFERS.chunkBytes);
  });

  it('fails the destination when the file ends before the range does', async () => {
    const socket = slowSocket();
    const sent = sendFileRange(file, { position: 10_000, length: 1000 }, socket.destination, BUFFERS);
    await expect(sent).rejects.toThrow('The file ended 500 bytes before the range did');
    expect(socket.destination.destroyed).toBe(true);
  });
});
