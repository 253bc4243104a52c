import type { InMemoryObjectStore } from '../model-registry/fake-object-store.js';
import {
  QueryEngine,
  type SuiteRun,
  type TableFile,
} from '../../../src/contexts/data-pipeline/application/ports/query-engine.js';
import type { CheckResult } from '../../../src/contexts/data-pipeline/domain/checks/check-result.js';
import type { ColumnProfile, TableProfile } from '../../../src/contexts/data-pipeline/domain/dataset/column-profile.js';
import type { ColumnType } from '../../../src/contexts/data-pipeline/domain/schema/column-type.js';
import type { ObservedColumn } from '../../../src/contexts/data-pipeline/domain/schema/schema-comparison.js';

const COPY_PREFIX = '/copies/';

/**
 * An engine over the in-memory store for the handler specs: it answers suite runs with `suiteResults`; it reads the copied object as simple
 * CSV (no quoting), types a column integer when every value is whole, float when numeric, string
 * otherwise, and profiles only row and null counts. `profiled` records the tables it was given.
 */
export class ScriptedQueryEngine extends QueryEngine {
  readonly profiled: TableFile[] = [];
  /** The suite runs it was asked for, and what it answers them (none: it refuses, as an engine with no script). */
  readonly suiteRuns: SuiteRun[] = [];
  suiteResults?: readonly CheckResult[];

  constructor(private readonly store: InMemoryObjectStore) {
    super();
  }

  runSuite(run: SuiteRun): Promise<readonly CheckResult[]> {
    this.suiteRuns.push(run);
    if (this.suiteResults) return Promise.resolve(this.suiteResults);
    return Promise.reject(new Error(`The scripted engine runs no suites (asked for ${run.table.path})`));
  }

  observeColumns(table: TableFile): Promise<ObservedColumn[]> {
    return this.read(table).then(({ header, rows }) =>
      header.map((name, index) => {
        const type = typeOf(rows.map((row) => row[index]).filter((value) => value !== ''));
        return { name, type, engineType: type.toUpperCase() };
      }),
    );
  }

  async profile(table: TableFile): Promise<TableProfile> {
    this.profiled.push(table);
    const { header, rows } = await this.read(table);
    const columns = header.map((name, index): ColumnProfile => ({
      name,
      type: table.columns?.find((column) => column.name === name)?.type ?? 'string',
      nulls: rows.filter((row) => row[index] === '').length,
      distinctEstimate: new Set(rows.map((row) => row[index])).size,
      min: null,
      max: null,
      mean: null,
      stddev: null,
      quantiles: null,
      topValues: [],
      histogram: null,
    }));
    return { rowCount: rows.length, columns };
  }

  private async read(table: TableFile): Promise<{ header: string[]; rows: string[][] }> {
    const download = await this.store.get(table.path.slice(COPY_PREFIX.length));
    const chunks: Buffer[] = [];
    for await (const chunk of download.body) chunks.push(Buffer.from(chunk as Uint8Array));
    const [header, ...rows] = Buffer.concat(chunks)
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => line.split(','));
    return { header: header ?? [], rows };
  }
}

function typeOf(values: readonly string[]): ColumnType {
  if (values.every((value) => /^-?\d+$/.test(value))) return 'integer';
  if (values.every((value) => value.trim() !== '' && Number.isFinite(Number(value)))) return 'float';
  return 'string';
}
