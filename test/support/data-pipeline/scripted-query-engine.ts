import type { InMemoryObjectStore } from '../model-registry/fake-object-store.js';
import {
  QueryEngine,
  type PartitionedRows,
  type PartitionRun,
  type SuiteRun,
  type TableFile,
  type TransformRun,
  type WrittenTable,
} from '../../../src/contexts/data-pipeline/application/ports/query-engine.js';
import type { CheckResult } from '../../../src/contexts/data-pipeline/domain/checks/check-result.js';
import type { ColumnProfile, TableProfile } from '../../../src/contexts/data-pipeline/domain/dataset/column-profile.js';
import type { ColumnType } from '../../../src/contexts/data-pipeline/domain/schema/column-type.js';
import type { ObservedColumn } from '../../../src/contexts/data-pipeline/domain/schema/schema-comparison.js';

const COPY_PREFIX = '/copies/';

/**
 * An engine over the in-memory store for the handler specs: it answers suite runs with `suiteResults`,
 * transforms with `written` and partitions with `partitioned`, recording each request; it reads the copied object as simple
 * CSV (no quoting), types a column integer when every value is whole, float when numeric, string
 * otherwise, and profiles only row and null counts. `profiled` records the tables it was given.
 */
export class ScriptedQueryEngine extends QueryEngine {
  readonly profiled: TableFile[] = [];
  /** The suite runs it was asked for, and what it answers them (none: it refuses, as an engine with no script). */
  readonly suiteRuns: SuiteRun[] = [];
  suiteResults?: readonly CheckResult[];
  readonly transforms: TransformRun[] = [];
  /** What every transform answers; a transform whose `output.path` is listed in `refusals` throws that error instead. */
  written: WrittenTable = { rowCount: 3, columns: ['id', 'name', 'score'] };
  readonly refusals = new Map<string, Error>();
  readonly partitions: PartitionRun[] = [];
  partitioned: PartitionedRows = { clean: 2, quarantined: 1 };

  constructor(private readonly store: InMemoryObjectStore) {
    super();
  }

  runSuite(run: SuiteRun): Promise<readonly CheckResult[]> {
    this.suiteRuns.push(run);
    if (this.suiteResults) return Promise.resolve(this.suiteResults);
    return Promise.reject(new Error(`The scripted engine runs no suites (asked for ${run.table.path})`));
  }

  transform(run: TransformRun): Promise<WrittenTable> {
    this.transforms.push(run);
    const refusal = this.refusals.get(run.output.path);
    return refusal ? Promise.reject(refusal) : Promise.resolve(this.written);
  }

  partition(run: PartitionRun): Promise<PartitionedRows> {
    this.partitions.push(run);
    return Promise.resolve(this.partitioned);
  }

  /** A scripted guard: an expression holding a SELECT is refused, any other passes. */
  expressionProblem(expression: string): Promise<string | undefined> {
    return Promise.resolve(/select/i.test(expression) ? 'the expression must be one expression' : undefined);
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
