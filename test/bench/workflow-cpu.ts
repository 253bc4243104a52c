import { readdir, readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { processCpuMs } from './process-cpu.js';

/** CPU of one phase of the bench: this process (the engine or the peer's loop) and the PostgreSQL server. */
export interface PhaseCpu {
  readonly nodeMs: number;
  /** Undefined when the server's processes cannot be read (a server on another host or in a container). */
  readonly postgresMs?: number;
}

/**
 * CPU time spent by a phase, which on a host shared with other work says more than its wall-clock
 * rate: the bench process's own (process.cpuUsage) and, when PostgreSQL runs on this host, that of
 * every process of its server (the postmaster's children: backends, WAL writer, checkpointer).
 */
export class BenchCpu {
  private constructor(private readonly postmaster: number | undefined) {}

  static async of(dataSource: DataSource): Promise<BenchCpu> {
    try {
      const [{ setting }] = await dataSource.query<{ setting: string }[]>(
        "SELECT setting FROM pg_settings WHERE name = 'data_directory'",
      );
      const pid = Number((await readFile(`${setting}/postmaster.pid`, 'utf8')).split('\n')[0]);
      return new BenchCpu(Number.isInteger(pid) ? pid : undefined);
    } catch {
      return new BenchCpu(undefined);
    }
  }

  /** Runs `phase` and answers its result with the CPU it took. */
  async measure<T>(phase: () => Promise<T>): Promise<{ result: T; cpu: PhaseCpu }> {
    const node = process.cpuUsage();
    const postgres = await this.postgresMs();
    const result = await phase();
    const used = process.cpuUsage(node);
    const postgresAfter = await this.postgresMs();
    const nodeMs = (used.user + used.system) / 1000;
    const cpu =
      postgres === undefined || postgresAfter === undefined
        ? { nodeMs }
        : { nodeMs, postgresMs: postgresAfter - postgres };
    return { result, cpu };
  }

  private async postgresMs(): Promise<number | undefined> {
    if (this.postmaster === undefined) return undefined;
    try {
      let total = await processCpuMs(this.postmaster);
      for (const pid of await childrenOf(this.postmaster)) total += await processCpuMs(pid).catch(() => 0);
      return total;
    } catch {
      return undefined;
    }
  }
}

/** Child processes of `parent`, from /proc (field 4 of stat is the parent's pid). */
async function childrenOf(parent: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const children: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === parent) children.push(Number(pid));
  }
  return children;
}
