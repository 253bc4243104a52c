import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** s3rver's fixed account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3TestServer {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts a real S3-protocol server (s3rver) on a free port with a fresh data directory.
 * s3rver signs continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider;
 * without it any truncated listing answers 500.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const script = fileURLToPath(new URL('./s3rver-process.mjs', import.meta.url));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--no-warnings', script, directory], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await announcedPort(child);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function announcedPort(child: ChildProcessByStdio<Writable, Readable, null>): Promise<number> {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`s3rver exited with code ${code} before listening`);
  });
  const lines = createInterface({ input: child.stdout });
  const announced = once(lines, 'line').then(([line]) => (JSON.parse(line as string) as { port: number }).port);
  try {
    return await Promise.race([announced, exited]);
  } finally {
    exited.catch(() => undefined);
    lines.close();
  }
}
