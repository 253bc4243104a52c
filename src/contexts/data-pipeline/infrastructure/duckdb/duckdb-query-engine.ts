import {
  QueryEngine,
  type PartitionedRows,
  type PartitionRun,
  type SuiteRun,
  type TableFile,
  type TransformRun,
  type WrittenTable,
} from '../../application/ports/query-engine.js';
import { isRowCheck, type Check, type FreshnessCheck, type RowCheck } from '../../domain/checks/check.js';
import type { CheckResult } from '../../domain/checks/check-result.js';
import type { TableProfile } from '../../domain/dataset/column-profile.js';
import { judgeCheck } from '../../domain/checks/judge-check.js';
import type { Measurement } from '../../domain/checks/measurement.js';
import { ReferenceTableMissing } from '../../domain/errors.js';
import type { ObservedColumn } from '../../domain/schema/schema-comparison.js';
import { columnsRead } from './columns-read.js';
import { assertCsvStructure } from './csv-structure.js';
import { contentInvalid, loadProfiledTable, PROFILED_TABLE } from './load-profiled-table.js';
import { profileTable } from './profile-table.js';
import { loadFlagsFor } from './load-flags.js';
import { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { loadedColumnTypes, loadTables, observeColumns } from './load-tables.js';
import { MAIN_TABLE } from './row-check-sql.js';
import { measureKs, measurePsi } from './measure-drift.js';
import { measureScannedChecks } from './measure-row-checks.js';
import { reasonCheckCannotRun } from './runnable-checks.js';
import { columnList } from './sql-text.js';
import { expressionProblem } from './custom-sql-guard.js';
import { partitionRows } from './partition-rows.js';
import { runTransform } from './run-transform.js';
import type { SuiteContext } from './suite-context.js';

/** A table without a primary key names its failing rows by their 1-based position in the file (tables keep insertion order). */
const ROW_NUMBER_KEY = { select: '(rowid + 1) AS row_number', columns: ['row_number'] };

/** The QueryEngine on DuckDB: each suite run in a private in-memory database, sealed from files once loaded. */
export class DuckDbQueryEngine extends QueryEngine {
  constructor(private readonly settings: DuckDbSettings) {
    super();
  }

  async runSuite(run: SuiteRun): Promise<readonly CheckResult[]> {
    const missing = run.suite.references.filter((name) => !run.references.has(name));
    if (missing.length > 0) throw new ReferenceTableMissing(missing);
    const session = await DuckDbSession.open(this.settings);
    try {
      const read = await columnsRead(session, run.suite, run.primaryKey);
      const loaded = await loadTables(session, run, read, loadFlagsFor(run.suite.checks));
      const observed = run.suite.checks.some((check) => check.kind === 'schema')
        ? await observeColumns(session, run.table)
        : [];
      await session.sealFileAccess();
      const context: SuiteContext = {
        session,
        keySelect: run.primaryKey.length > 0 ? columnList(run.primaryKey) : ROW_NUMBER_KEY.select,
        keyColumns: run.primaryKey.length > 0 ? run.primaryKey : ROW_NUMBER_KEY.columns,
        failingKeyLimit: run.suite.failingKeyLimit,
        columnTypes: await loadedColumnTypes(session, MAIN_TABLE),
        referenceTable: (name) => loaded.references.get(name) ?? name,
        loadedFlags: loaded.flags,
      };
      const measurements = await measureAll(context, run, observed);
      return run.suite.checks.map((check) => judgeCheck(check, measurementOf(measurements, check)));
    } finally {
      session.close();
    }
  }

  async observeColumns(table: TableFile): Promise<ObservedColumn[]> {
    if (table.format === 'csv') await assertCsvStructure(table.path);
    return this.inSession((session) =>
      observeColumns(session, table).catch((error: unknown) => {
        throw contentInvalid(error, table);
      }),
    );
  }

  profile(table: TableFile): Promise<TableProfile> {
    return this.inSession(async (session) => {
      await loadProfiledTable(session, table);
      return profileTable(session, PROFILED_TABLE);
    });
  }

  transform(run: TransformRun): Promise<WrittenTable> {
    return runTransform(this.settings, run);
  }

  partition(run: PartitionRun): Promise<PartitionedRows> {
    return partitionRows(this.settings, run);
  }

  expressionProblem(expression: string): Promise<string | undefined> {
    return this.inSession((session) => expressionProblem(session, expression));
  }

  private async inSession<T>(work: (session: DuckDbSession) => Promise<T>): Promise<T> {
    const session = await DuckDbSession.open(this.settings);
    try {
      return await work(session);
    } finally {
      session.close();
    }
  }
}

async function measureAll(
  context: SuiteContext,
  run: SuiteRun,
  observed: readonly ObservedColumn[],
): Promise<Map<Check, Measurement>> {
  const measurements = new Map<Check, Measurement>();
  for (const check of run.suite.checks) {
    const reason = await reasonCheckCannotRun(context, check);
    if (reason !== undefined) measurements.set(check, { kind: 'unmeasurable', reason });
  }
  const runnable = run.suite.checks.filter((check) => !measurements.has(check));
  const rowChecks = runnable.filter((check): check is RowCheck => isRowCheck(check));
  const freshnessChecks = runnable.filter((check): check is FreshnessCheck => check.kind === 'freshness');
  const scan = await measureScannedChecks(context, rowChecks, freshnessChecks, run.at);
  for (const [check, measurement] of scan.measurements) measurements.set(check, measurement);
  for (const check of runnable) {
    if (check.kind === 'row_count_between') measurements.set(check, { kind: 'row_count', rowCount: scan.rowCount });
    if (check.kind === 'schema') measurements.set(check, { kind: 'schema', observed });
    if (check.kind === 'psi_drift') measurements.set(check, await measurePsi(context, check));
    if (check.kind === 'ks_drift') measurements.set(check, await measureKs(context, check));
  }
  return measurements;
}

function measurementOf(measurements: ReadonlyMap<Check, Measurement>, check: Check): Measurement {
  const measurement = measurements.get(check);
  if (!measurement) throw new Error(`Check ${check.name} was not measured`);
  return measurement;
}
