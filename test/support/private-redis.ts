import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitFor } from '@libs/testing';

/**
 * A redis-server of one test's own, without persistence, on a free port: a test may stop, freeze or
 * restart it (empty, as a restart without persistence or a failover to a fresh replica would leave
 * it) without touching the Redis the other tests share.
 */
export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), mkdtempSync(join(tmpdir(), 'private-redis-')));
    await redis.restartEmpty();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a server with no data on the same port (the previous one must be gone). */
  async restartEmpty(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    args.push('--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction');
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitFor(() => this.answers(), { timeoutMs: 10_000, intervalMs: 50, what: `redis-server on ${this.port}` });
  }

  /** SHUTDOWN NOSAVE: the server exits at once and its data is gone. */
  async shutdownNoSave(): Promise<void> {
    const child = this.running();
    const exited = once(child, 'exit');
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    client.disconnect();
    await exited;
  }

  /** SIGSTOP: connections stay open and nothing answers. */
  freeze(): void {
    this.running().kill('SIGSTOP');
  }

  /** Ends the server whatever its state (a frozen one included); its data is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private running(): ChildProcess {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) {
      throw new Error(`redis-server on ${this.port} is not running`);
    }
    return this.child;
  }

  private async answers(): Promise<boolean> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
