import type { JS } from '@duckdb/node-api';
import type { ColumnProfile, HistogramBin, Quantiles, TableProfile } from '../../domain/dataset/column-profile.js';
import { columnTypeOf } from './column-types.js';
import type { DuckDbSession } from './duckdb-session.js';
import { countOf, keyValueOf, textOf } from './key-values.js';
import { quoteIdentifier } from './sql-text.js';

const HISTOGRAM_BINS = 10;
const TOP_VALUES = 5;
const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Profiles a table loaded in the session, one column at a time: a few aggregate scans of columnar data. */
export async function profileTable(session: DuckDbSession, table: string): Promise<TableProfile> {
  const [[rowCount]] = await session.rows(`SELECT count(*) FROM ${table}`);
  const described = await session.rows(`DESCRIBE ${table}`);
  const columns: ColumnProfile[] = [];
  for (const [name, type] of described) columns.push(await profileColumn(session, table, textOf(name), textOf(type)));
  return { rowCount: countOf(rowCount), columns };
}

async function profileColumn(
  session: DuckDbSession,
  table: string,
  name: string,
  type: string,
): Promise<ColumnProfile> {
  const column = quoteIdentifier(name);
  const [[nulls, distinct, min, max]] = await session.rows(
    `SELECT count(*) - count(${column}), approx_count_distinct(${column}), min(${column}), max(${column}) FROM ${table}`,
  );
  const numeric = ['integer', 'float'].includes(columnTypeOf(type) ?? '');
  return {
    name,
    type,
    nulls: countOf(nulls),
    distinctEstimate: countOf(distinct),
    min: keyValueOf(min),
    max: keyValueOf(max),
    ...(numeric ? await numericMoments(session, table, column) : { mean: null, stddev: null, quantiles: null }),
    topValues: await topValues(session, table, column),
    histogram: numeric ? await histogram(session, table, column) : null,
  };
}

async function numericMoments(session: DuckDbSession, table: string, column: string) {
  const [[mean, stddev, quantiles]] = await session.rows(
    `SELECT avg(${column}::DOUBLE), stddev_samp(${column}::DOUBLE), quantile_cont(${column}::DOUBLE, [${QUANTILES.join(', ')}]) FROM ${table}`,
  );
  return { mean: numberOrNull(mean), stddev: numberOrNull(stddev), quantiles: quantilesOf(quantiles) };
}

function quantilesOf(value: JS): Quantiles | null {
  if (!Array.isArray(value)) return null;
  const numbers = value.map(numberOrNull).filter((quantile): quantile is number => quantile !== null);
  if (numbers.length !== QUANTILES.length) return null;
  const [p05, p25, p50, p75, p95] = numbers;
  return { p05, p25, p50, p75, p95 };
}

async function topValues(session: DuckDbSession, table: string, column: string) {
  const rows = await session.rows(
    `SELECT ${column}::VARCHAR AS value, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL
     GROUP BY value ORDER BY n DESC, value LIMIT ${TOP_VALUES}`,
  );
  return rows.map(([value, count]) => ({ value: textOf(value), count: countOf(count) }));
}

/** Equal-width bins from min to max; a column of one value has one bin. */
async function histogram(session: DuckDbSession, table: string, column: string): Promise<HistogramBin[]> {
  const [[low, high]] = await session.rows(`SELECT min(${column}::DOUBLE), max(${column}::DOUBLE) FROM ${table}`);
  const lower = numberOrNull(low);
  const upper = numberOrNull(high);
  if (lower === null || upper === null) return [];
  const bins = upper > lower ? HISTOGRAM_BINS : 1;
  const width = (upper - lower) / bins || 1;
  const rows = await session.rows(
    `SELECT least(floor((${column}::DOUBLE - ${lower}) / ${width}), ${bins - 1})::INTEGER AS bin, count(*)
     FROM ${table} WHERE ${column} IS NOT NULL GROUP BY bin`,
  );
  const counts = new Map(rows.map(([bin, count]) => [Number(bin), countOf(count)]));
  return Array.from({ length: bins }, (_, bin) => ({
    lower: lower + bin * width,
    upper: bin === bins - 1 ? upper : lower + (bin + 1) * width,
    count: counts.get(bin) ?? 0,
  }));
}

function numberOrNull(value: JS): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  return null;
}
