import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FlushingFileWriter } from './flushing-file-writer.js';

const chunksOf = (bytes: Buffer, size: number): Buffer[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
    bytes.subarray(index * size, (index + 1) * size),
  );

describe('FlushingFileWriter', () => {
  let directory: string;
  let path: string;
  let file: FileHandle;
  const bytes = randomBytes(100_000);

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flushing-file-writer-'));
    path = join(directory, 'object');
    file = await open(path, 'wx');
  });

  afterEach(async () => {
    await file.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('writes every chunk in order', async () => {
    await pipeline(Readable.from(chunksOf(bytes, 777)), new FlushingFileWriter(file, 10_000));
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('starts flushing to disk while the stream is still arriving, one flush at a time', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const flushedAt: number[] = [];
    let written = 0;
    const datasync = file.datasync.bind(file);
    jest.spyOn(file, 'datasync').mockImplementation(async () => {
      flushedAt.push(written);
      mostInFlight = Math.max(mostInFlight, (inFlight += 1));
      await datasync();
      inFlight -= 1;
    });
    const source = Readable.from(chunksOf(bytes, 1000)).on('data', (chunk: Buffer) => (written += chunk.length));
    await pipeline(source, new FlushingFileWriter(file, 10_000));
    expect(flushedAt.length).toBeGreaterThan(1);
    expect(flushedAt[0]).toBeLessThan(bytes.length);
    expect(mostInFlight).toBe(1);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('does not flush an object smaller than the flush step: the owner syncs it once', async () => {
    const datasync = jest.spyOn(file, 'datasync');
    await pipeline(Readable.from(chunksOf(bytes, 1000)), new FlushingFileWriter(file, bytes.length + 1));
    expect(datasync).not.toHaveBeenCalled();
  });

  it('finishes a partial write before the next chunk', async () => {
    const writev = file.writev.bind(file);
    // The kernel may write less than asked; here every call writes at most 100 bytes of its first buffer.
    jest
      .spyOn(file, 'writev')
      .mockImplementation((buffers: readonly NodeJS.ArrayBufferView[]) =>
        writev([Buffer.from(buffers[0].buffer, buffers[0].byteOffset, Math.min(100, buffers[0].byteLength))]),
      );
    await pipeline(Readable.from(chunksOf(bytes.subarray(0, 5000), 333)), new FlushingFileWriter(file));
    expect((await readFile(path)).equals(bytes.subarray(0, 5000))).toBe(true);
  });

  it('fails the stream when a background flush fails', async () => {
    jest.spyOn(file, 'datasync').mockRejectedValue(new Error('EIO: i/o error, fdatasync'));
    await expect(pipeline(Readable.from(chunksOf(bytes, 1000)), new FlushingFileWriter(file, 10_000))).rejects.toThrow(
      'EIO',
    );
  });

  it('waits for its flush to settle before it reports being destroyed', async () => {
    let flushEnded = false;
    jest.spyOn(file, 'datasync').mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      flushEnded = true;
    });
    const writer = new FlushingFileWriter(file, 1000);
    await new Promise<void>((resolve) => writer.write(bytes.subarray(0, 2000), () => resolve()));
    const closed = new Promise<void>((resolve) => writer.on('close', () => resolve()));
    writer.destroy(new Error('client went away'));
    writer.on('error', () => undefined);
    await closed;
    expect(flushEnded).toBe(true);
  });
});
