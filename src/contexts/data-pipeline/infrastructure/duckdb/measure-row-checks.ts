import type { Check, FreshnessCheck, RowCheck } from '../../domain/checks/check.js';
import type { KeyValue } from '../../domain/checks/check-result.js';
import type { Measurement } from '../../domain/checks/measurement.js';
import { countOf, keyValueOf } from './key-values.js';
import { compileRowCheck, MAIN_TABLE, type CompiledRowCheck } from './row-check-sql.js';
import { columnList, quoteIdentifier } from './sql-text.js';
import type { SuiteContext } from './suite-context.js';

export interface ScanMeasurements {
  readonly rowCount: number;
  readonly measurements: ReadonlyMap<Check, Measurement>;
}

interface Compiled {
  readonly check: RowCheck;
  readonly sql: CompiledRowCheck;
}

const FLAGGED_ROWS = 'flagged_rows';
const flag = (index: number): string => quoteIdentifier(`__failing_check_${index}`);

/**
 * Each predicate is evaluated once: one scan keeps the keys of rows failing any predicate check,
 * with a flag per check, in a temporary table; counts and capped keys are then read from that
 * (small) table. Unique and relationships checks keep their failing keys in a table of their own,
 * so their grouping or join also runs once. The row count and freshness maxima take one more pass.
 */
export async function measureScannedChecks(
  context: SuiteContext,
  rowChecks: readonly RowCheck[],
  freshnessChecks: readonly FreshnessCheck[],
  at: Date,
): Promise<ScanMeasurements> {
  const measurements = new Map<Check, Measurement>();
  const maxima = freshnessChecks.map((check) => `max(CAST(${quoteIdentifier(check.column)} AS TIMESTAMP))`);
  const [totals] = await context.session.rows(`SELECT ${['count(*)', ...maxima].join(', ')} FROM ${MAIN_TABLE}`);
  const rowCount = countOf(totals[0]);
  for (const [index, check] of freshnessChecks.entries()) {
    const latest = totals[1 + index];
    measurements.set(check, { kind: 'freshness', latest: latest instanceof Date ? latest : null, at });
  }
  const compiled = rowChecks.map((check) => ({
    check,
    sql: compileRowCheck(check, context.keySelect, context.referenceTable),
  }));
  const failing = new Map([
    ...(await measurePredicateChecks(
      context,
      compiled.filter((entry) => entry.sql.predicate !== undefined),
    )),
    ...(await measureRelationalChecks(
      context,
      compiled.filter((entry) => entry.sql.predicate === undefined),
    )),
  ]);
  for (const { check } of compiled) {
    const rows = failing.get(check) ?? { total: 0, keys: [] };
    measurements.set(check, {
      kind: 'rows',
      totalRows: rowCount,
      failing: { ...rows, keyColumns: context.keyColumns },
    });
  }
  return { rowCount, measurements };
}

interface Failing {
  readonly total: number;
  readonly keys: KeyValue[][];
}

async function measurePredicateChecks(
  context: SuiteContext,
  entries: readonly Compiled[],
): Promise<Map<RowCheck, Failing>> {
  const failing = new Map<RowCheck, Failing>();
  if (entries.length === 0) return failing;
  // A predicate already evaluated during the load is read from its flag column.
  const failsOf = (entry: Compiled): string =>
    context.loadedFlags.get(entry.check) ?? `coalesce(${entry.sql.predicate}, FALSE)`;
  const flags = entries.map((entry, index) => `${failsOf(entry)} AS ${flag(index)}`);
  const anyFails = entries.map(failsOf).join(' OR ');
  await context.session.run(
    `CREATE TEMPORARY TABLE ${FLAGGED_ROWS} AS SELECT ${context.keySelect}, ${flags.join(', ')} FROM ${MAIN_TABLE} WHERE ${anyFails}`,
  );
  const [counts] = await context.session.rows(
    `SELECT ${entries.map((_, index) => `count(*) FILTER (WHERE ${flag(index)})`).join(', ')} FROM ${FLAGGED_ROWS}`,
  );
  for (const [index, entry] of entries.entries()) {
    const total = countOf(counts[index]);
    failing.set(entry.check, { total, keys: total > 0 ? await keysFrom(context, FLAGGED_ROWS, flag(index)) : [] });
  }
  return failing;
}

async function measureRelationalChecks(
  context: SuiteContext,
  entries: readonly Compiled[],
): Promise<Map<RowCheck, Failing>> {
  const failing = new Map<RowCheck, Failing>();
  for (const [index, entry] of entries.entries()) {
    const table = quoteIdentifier(`failing_rows_${index}`);
    await context.session.run(`CREATE TEMPORARY TABLE ${table} AS ${entry.sql.failingRows}`);
    const total = countOf((await context.session.rows(`SELECT count(*) FROM ${table}`))[0][0]);
    failing.set(entry.check, { total, keys: total > 0 ? await keysFrom(context, table, 'TRUE') : [] });
  }
  return failing;
}

/** The first keys in key order, up to the suite's cap. */
async function keysFrom(context: SuiteContext, table: string, condition: string): Promise<KeyValue[][]> {
  if (context.failingKeyLimit === 0) return [];
  const rows = await context.session.rows(
    `SELECT ${columnList(context.keyColumns)} FROM ${table} WHERE ${condition} ORDER BY ALL LIMIT ${context.failingKeyLimit}`,
  );
  return rows.map((values) => values.map(keyValueOf));
}
