import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { waitFor } from './wait-for.js';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * The built application as a child process, for tests that need several
 * processes or must kill one: multi-process delivery, crash points, restarts.
 */
export class AppProcess {
  readonly exited: Promise<Exit>;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts `node <script>` on a free port; `waitUntilReady` false returns at once. */
  static async start(script: string, env: Record<string, string>, { waitUntilReady = true } = {}): Promise<AppProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    if (!waitUntilReady) return app;
    try {
      await app.waitUntilReady();
    } catch (error) {
      // Nobody holds the process yet: left running, it would work on this worker's database and
      // Redis db beside the next tests' apps (taking their jobs, reconciling their runs).
      await app.kill();
      throw error;
    }
    return app;
  }

  /** `timeoutMs` is on a quiet machine's scale (waitFor scales it). */
  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    let exit: Exit | undefined;
    void this.exited.then((value) => (exit = value));
    await waitFor(
      async () => {
        if (exit) throw new Error(`App exited (${exit.code ?? exit.signal}) before it was ready:\n${this.output}`);
        return (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.status === 200;
      },
      { timeoutMs, intervalMs: 100, what: `${this.url}/health/ready` },
    );
  }

  get logs(): string {
    return this.output;
  }

  async stop(): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
