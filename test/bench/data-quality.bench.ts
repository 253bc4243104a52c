import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { CheckSuite } from '../../src/contexts/data-pipeline/domain/checks/check-suite.js';
import { DuckDbQueryEngine } from '../../src/contexts/data-pipeline/infrastructure/duckdb/duckdb-query-engine.js';
import type { DuckDbSettings } from '../../src/contexts/data-pipeline/infrastructure/duckdb/duckdb-settings.js';
import { percentile, reportResult, round } from './bench-result.js';
import { CHECKS, type CheckCounts } from './data-quality-checks.js';
import { csvParseCounts, floorCounts } from './data-quality-peers.js';
import { ROWS, writeOrdersCsv } from './data-quality-table.js';

/**
 * `npm run bench -- data-quality`: ten checks over a 1,000,000-row, 10-column CSV through our
 * engine (keys of failing rows included), against the same checks as one hand-written DuckDB
 * query over the same file (the floor), and a streaming csv-parse loop counting them in JS.
 * Goals: >= 0.8x the floor's rows/s, >= 5x the csv-parse loop, Node heap growth < 100 MB.
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3);
const MB = 1024 * 1024;

interface Timed {
  readonly ms: number;
  readonly heapGrowthMb: number;
  /** User and system CPU of the whole process, DuckDB's threads included: the host is shared, so wall time alone misleads. */
  readonly cpuMs: number;
  readonly counts: CheckCounts;
}

/** Runs `work`, sampling the heap every 10 ms: the peak above where it started is the growth. */
async function timed(work: () => Promise<CheckCounts>): Promise<Timed> {
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const counts = await work();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, heapGrowthMb: (peak - baseline) / MB, cpuMs: (cpu.user + cpu.system) / 1000, counts };
}

async function samples(work: () => Promise<CheckCounts>): Promise<Timed[]> {
  const runs: Timed[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) runs.push(await timed(work));
  return runs;
}

const rowsPerSecond = (runs: readonly Timed[]): number =>
  ROWS /
  (percentile(
    runs.map((run) => run.ms),
    50,
  ) /
    1000);
const cpuSeconds = (runs: readonly Timed[]): number =>
  percentile(
    runs.map((run) => run.cpuMs),
    50,
  ) / 1000;
const maxHeap = (runs: readonly Timed[]): number => Math.max(...runs.map((run) => run.heapGrowthMb));

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'data-quality-bench-'));
  try {
    const path = join(directory, 'orders.csv');
    await writeOrdersCsv(path);
    const settings: DuckDbSettings = {
      memoryLimit: '2GB',
      tempDirectory: join(directory, 'spill'),
      threads: availableParallelism(),
    };
    const engine = new DuckDbQueryEngine(settings);
    const suite = CheckSuite.of({ checks: CHECKS });
    const ourCounts = async (): Promise<CheckCounts> => {
      const results = await engine.runSuite({
        table: { path, format: 'csv' },
        primaryKey: ['id'],
        suite,
        references: new Map(),
        at: new Date(),
      });
      return results.map((result) => result.observedValue ?? Number.NaN);
    };
    // Warm the page cache and DuckDB's code paths before any contender is timed.
    await floorCounts(path, settings);
    const ours = await samples(ourCounts);
    const floor = await samples(() => floorCounts(path, settings));
    const loop = await samples(() => csvParseCounts(path));
    const agree = [ours, loop].every((runs) => JSON.stringify(runs[0].counts) === JSON.stringify(floor[0].counts));
    const oursRate = rowsPerSecond(ours);
    const floorRate = rowsPerSecond(floor);
    const loopRate = rowsPerSecond(loop);
    const heapGrowthMb = maxHeap(ours);
    const goals = { floorRatio: 0.8, csvParseRatio: 5, heapGrowthMb: 100 };
    const met =
      oursRate / floorRate >= goals.floorRatio &&
      oursRate / loopRate >= goals.csvParseRatio &&
      heapGrowthMb < goals.heapGrowthMb;
    reportResult({
      name: 'data-quality',
      ours: Math.round(oursRate),
      peer: Math.round(floorRate),
      unit: 'rows/s (median)',
      ratio: round(oursRate / floorRate, 3),
      csvParse: Math.round(loopRate),
      ratioToCsvParse: round(oursRate / loopRate, 2),
      heapGrowthMb: {
        ours: round(heapGrowthMb, 1),
        floor: round(maxHeap(floor), 1),
        csvParse: round(maxHeap(loop), 1),
      },
      cpuSecondsMedian: {
        ours: round(cpuSeconds(ours)),
        floor: round(cpuSeconds(floor)),
        csvParse: round(cpuSeconds(loop)),
      },
      rows: ROWS,
      fileMb: round((await stat(path)).size / MB, 1),
      checks: CHECKS.length,
      threads: settings.threads,
      samples: SAMPLES,
      countsAgree: agree,
      counts: floor[0].counts,
      goals,
      goalsMet: met && agree,
    });
    if (!agree) process.exitCode = 1;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
