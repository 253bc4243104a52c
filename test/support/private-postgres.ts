import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@libs/testing';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, for tests that
 * stop or restart it: the shared server of the test run must never go down under other tests.
 * Runs the server binaries as `postgres` when the tests run as root (CI does; initdb refuses root).
 */
export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly directory: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<PrivatePostgres> {
    const bin = (await run('pg_config', ['--bindir'])).stdout.trim();
    const directory = await mkdtemp(join(tmpdir(), 'private-postgres-'));
    if (process.getuid?.() === 0) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      await chown(directory, uid, gid);
    }
    const server = new PrivatePostgres(bin, directory, await freePort());
    await server.asServerUser('initdb', ['-D', server.dataDirectory, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await server.start();
    return server;
  }

  private get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const log = join(this.directory, 'server.log');
    await this.asServerUser('pg_ctl', ['-D', this.dataDirectory, '-l', log, '-o', options, '-w', 'start']);
  }

  /** A fast shutdown, as an operator's: sessions end with 57P01, new connections are refused. */
  async stop(): Promise<void> {
    await this.asServerUser('pg_ctl', ['-D', this.dataDirectory, '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.directory, { recursive: true, force: true });
  }

  private async asServerUser(program: string, args: string[]): Promise<void> {
    const command = join(this.bin, program);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  }
}
