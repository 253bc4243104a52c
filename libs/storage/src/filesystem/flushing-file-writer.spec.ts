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
    // Each flush waits until the test lets it end, so what overlaps does not depend on the disk's speed.
    const flushes: { writtenBefore: number; end: () => void }[] = [];
    let written = 0;
    jest
      .spyOn(file, 'datasync')
      .mockImplementation(() => new Promise<void>((resolve) => flushes.push({ writtenBefore: written, end: resolve })));
    const writer = new FlushingFileWriter(file, 10_000);
    const writeChunks = async (count: number): Promise<void> => {
      for (const chunk of chunksOf(bytes.subarray(written, written + count * 1000), 1000)) {
        await new Promise<void>((resolve, reject) =>
          writer.write(chunk, (error) => (error ? reject(error) : resolve())),
        );
        written += chunk.length;
      }
    };

    await writeChunks(10);
    expect(flushes.map(({ writtenBefore }) => writtenBefore)).toEqual([9_000]);
    await writeChunks(30);
    expect(flushes).toHaveLength(1);
    flushes[0].end();
    await writeChunks(1);
    expect(flushes.map(({ writtenBefore }) => writtenBefore)).toEqual([9_000, 40_000]);

    const finished = new Promise<void>((resolve) => writer.end(resolve));
    flushes[1].end();
    await finished;
    expect((await readFile(path)).equals(bytes.subarray(0, written))).toBe(true);
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
