import { createHash, randomFillSync } from 'node:crypto';
import { Readable, Writable } from 'node:stream';

const MIB = 1024 * 1024;

export interface GeneratedBytes {
  readonly body: Readable;
  /** Bytes handed out so far. */
  produced(): number;
  /** SHA-256 of all the bytes, once the body has been read to its end. */
  sha256(): string;
}

/**
 * `size` random bytes made on demand, so a test can stream hundreds of MB without holding
 * them. Each chunk is a fresh buffer: consumers (lib-storage) keep references to chunks.
 */
export function generatedBytes(size: number, chunkSize = MIB): GeneratedBytes {
  const hash = createHash('sha256');
  let produced = 0;
  let digest: string | undefined;
  const body = new Readable({
    read() {
      if (produced >= size) {
        digest ??= hash.digest('hex');
        this.push(null);
        return;
      }
      const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(chunkSize, size - produced)));
      produced += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return {
    body,
    produced: () => produced,
    sha256: () => {
      if (digest === undefined) throw new Error('generatedBytes: the body has not been read to its end');
      return digest;
    },
  };
}

/** Reads a stream to its end, hashing as it goes, holding none of it. */
export async function digestOf(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A destination that copies each chunk before calling back for it, as a socket hands it to the kernel. */
export function copyingSink(): { destination: Writable; received: () => Buffer } {
  const copies: Buffer[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      copies.push(Buffer.from(chunk));
      callback();
    },
  });
  return { destination, received: () => Buffer.concat(copies) };
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Sends `data`, then fails once it has been read, as a client that disconnects mid-upload. */
export function failingAfter(data: Buffer, error: Error): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) return this.destroy(error);
      sent = true;
      this.push(data);
    },
  });
}
