import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaled, waitFor } from '@libs/testing';

const LAUNCHER = fileURLToPath(new URL('../../scripts/local.mjs', import.meta.url));

describe('npm run local', () => {
  let dataDir: string;
  let baseUrl: string;
  let launcher: ChildProcess;
  let output = '';
  let redisPid: number | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mlops-local-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOCAL_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    // Nothing configured, as on a newcomer's machine: the launcher must bring its own PostgreSQL
    // and Redis; Jest's Node flags and NODE_ENV=test are not meant for the processes it starts.
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS', 'NODE_ENV']) delete env[name];
    // The working directory is the empty data dir, so a developer's .env cannot leak in.
    launcher = spawn(process.execPath, [LAUNCHER], {
      cwd: dataDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });

  afterAll(() => {
    // Only after a failed test is anything still running here.
    if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
    if (redisPid && isAlive(redisPid)) process.kill(redisPid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready on embedded PostgreSQL and its own redis-server, and says how long it took', async () => {
    // The launcher says it is ready once it saw /health/ready answer 200, and how long that took: the
    // time is its figure, not an assertion here, since a busy machine is slow.
    await waitFor(
      () => {
        if (launcher.exitCode !== null) throw new Error(`the launcher exited with ${launcher.exitCode}:\n${output}`);
        return /ready in \d+\.\d s on Node v24\./.test(output);
      },
      { timeoutMs: 120_000, intervalMs: 200, what: 'the launcher to say it is ready' },
    );
    redisPid = Number(readFileSync(join(dataDir, 'redis', 'redis-server.pid'), 'utf8'));
    const ready = await get('/health/ready');
    expect(await ready?.json()).toMatchObject({
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(output).toContain('embedded PGlite');
    expect((await get('/docs'))?.status).toBe(200);
    expect((await get('/metrics'))?.status).toBe(200);
  });

  it('stops on SIGTERM and leaves no redis-server behind', async () => {
    launcher.kill('SIGTERM');
    const exitCode = await waitFor(() => launcher.exitCode !== null && { code: launcher.exitCode }, {
      timeoutMs: 20_000,
      what: 'the launcher to exit',
    });
    expect(exitCode.code).toBe(0);
    expect(redisPid && isAlive(redisPid)).toBe(false);
    expect(await get('/health/live')).toBeUndefined();
  });

  async function get(path: string): Promise<Response | undefined> {
    try {
      return await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(scaled(2000)) });
    } catch {
      return undefined;
    }
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
