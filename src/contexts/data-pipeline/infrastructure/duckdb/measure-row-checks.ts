import type { Check, FreshnessCheck, RowCheck } from '../../domain/checks/check.js';
import type { KeyValue } from '../../domain/checks/check-result.js';
import type { Measurement } from '../../domain/checks/measurement.js';
import { countOf, keyValueOf } from './key-values.js';
import { compileRowCheck, MAIN_TABLE, type CompiledRowCheck } from './row-check-sql.js';
import { quoteIdentifier } from './sql-text.js';
import type { SuiteContext } from './suite-context.js';

export interface ScanMeasurements {
  readonly rowCount: number;
  readonly measurements: ReadonlyMap<Check, Measurement>;
}

/**
 * Every check answerable from one pass over the table is answered by one query: the row count,
 * each predicate check's failing count, each freshness column's latest value. Unique and
 * relationships checks need a grouping or a join and get a query each. Keys are fetched only for
 * checks that have failing rows.
 */
export async function measureScannedChecks(
  context: SuiteContext,
  rowChecks: readonly RowCheck[],
  freshnessChecks: readonly FreshnessCheck[],
  at: Date,
): Promise<ScanMeasurements> {
  const compiled = rowChecks.map((check) => ({
    check,
    sql: compileRowCheck(check, context.keySelect, context.referenceTable),
  }));
  const scanned = compiled.filter((entry) => entry.sql.predicate !== undefined);
  const aggregates = [
    'count(*)',
    ...scanned.map((entry) => `count(*) FILTER (WHERE ${entry.sql.predicate})`),
    ...freshnessChecks.map((check) => `max(CAST(${quoteIdentifier(check.column)} AS TIMESTAMP))`),
  ];
  const [row] = await context.session.rows(`SELECT ${aggregates.join(', ')} FROM ${MAIN_TABLE}`);
  const rowCount = countOf(row[0]);
  const measurements = new Map<Check, Measurement>();
  for (const [index, check] of freshnessChecks.entries()) {
    const latest = row[1 + scanned.length + index];
    measurements.set(check, { kind: 'freshness', latest: latest instanceof Date ? latest : null, at });
  }
  for (const entry of compiled) {
    const scannedIndex = scanned.indexOf(entry);
    const failing =
      scannedIndex >= 0
        ? countOf(row[1 + scannedIndex])
        : countOf((await context.session.rows(`SELECT count(*) FROM (${entry.sql.failingRows})`))[0][0]);
    const keys = failing > 0 ? await failingKeys(context, entry.sql) : [];
    measurements.set(entry.check, {
      kind: 'rows',
      totalRows: rowCount,
      failing: { total: failing, keys, keyColumns: context.keyColumns },
    });
  }
  return { rowCount, measurements };
}

async function failingKeys(context: SuiteContext, sql: CompiledRowCheck): Promise<KeyValue[][]> {
  if (context.failingKeyLimit === 0) return [];
  const rows = await context.session.rows(`${sql.failingRows} ORDER BY ALL LIMIT ${context.failingKeyLimit}`);
  return rows.map((values) => values.map(keyValueOf));
}
