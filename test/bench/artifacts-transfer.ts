import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CHUNK = 64 * 1024;
// A few distinct random chunks, reused: making 1 GB of fresh random bytes would cost more CPU than
// the transfer being measured, on both sides alike.
const POOL = Array.from({ length: 16 }, () => randomFillSync(Buffer.allocUnsafe(CHUNK)));

/** `size` bytes in 64 KiB chunks, as a file read stream hands them out. */
export function artifactBytes(size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = POOL[(sent / CHUNK) % POOL.length];
      const length = Math.min(CHUNK, size - sent);
      sent += length;
      this.push(length === CHUNK ? chunk : chunk.subarray(0, length));
    },
  });
}

/** Reads a stream to its end, keeping only the count. */
export async function drain(stream: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}

/** PUT of `size` bytes with Content-Length, streamed; answers the status and body text. */
export async function httpPut(url: string, token: string, size: number): Promise<{ status: number; body: string }> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'content-length': String(size),
        },
      },
      resolve,
    );
    outgoing.once('error', reject);
    pipeline(artifactBytes(size), outgoing).catch(reject);
  });
  let body = '';
  for await (const chunk of response) body += (chunk as Buffer).toString();
  return { status: response.statusCode ?? 0, body };
}

/** Resident set of a process (Linux), sampled while `work` runs: its peak above where it started. */
export async function peakRssGrowth<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; growthBytes: number }> {
  const rss = (): number =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const baseline = rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 20);
  try {
    const result = await work();
    peak = Math.max(peak, rss());
    return { result, growthBytes: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
