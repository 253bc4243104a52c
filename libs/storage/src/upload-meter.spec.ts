import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectSizeMismatchError, ObjectTooLargeError } from './errors.js';
import { UploadMeter } from './upload-meter.js';

const drain = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const chunks = (...sizes: number[]) => Readable.from(sizes.map((size) => Buffer.alloc(size, 1)));

describe('UploadMeter', () => {
  it('counts and hashes what passes through', async () => {
    const meter = new UploadMeter(100);
    await pipeline(Readable.from([Buffer.from('hello '), Buffer.from('world')]), meter, drain());
    expect(meter.bytes).toBe(11);
    expect(meter.sha256).toBe(createHash('sha256').update('hello world').digest('hex'));
  });

  it('fails the stream at the chunk that crosses the limit, and stops reading', async () => {
    const source = chunks(40, 40, 40, 40);
    const meter = new UploadMeter(100);
    await expect(pipeline(source, meter, drain())).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(meter.bytes).toBe(120);
    expect(source.destroyed).toBe(true);
  });

  it('lets a body of exactly the limit through', async () => {
    await expect(pipeline(chunks(50, 50), new UploadMeter(100), drain())).resolves.toBeUndefined();
  });

  it('fails a body shorter or longer than declared, before it ends', async () => {
    await expect(pipeline(chunks(30), new UploadMeter(100, 40), drain())).rejects.toBeInstanceOf(
      ObjectSizeMismatchError,
    );
    await expect(pipeline(chunks(30, 30), new UploadMeter(100, 40), drain())).rejects.toMatchObject({
      declaredBytes: 40,
      receivedBytes: 60,
    });
  });

  it('has no digest before the stream ends', () => {
    expect(() => new UploadMeter(10).sha256).toThrow(/not ended/);
  });
});
