import { MAIN_TABLE } from './row-check-sql.js';
import { quoteIdentifier, quoteLiteral } from './sql-text.js';

/** Per category: how often it occurs in the reference and in the current table (nulls left out). Columns: reference, current. */
export function categoryCountsSql(column: string, referenceTable: string): string {
  return binCountsSql(`CAST(${quoteIdentifier(column)} AS VARCHAR)`, column, referenceTable);
}

/** The reference's inner quantile cut points for `bins` equal-mass bins, as one list. */
export function quantileEdgesSql(column: string, referenceTable: string, bins: number): string {
  const fractions = Array.from({ length: bins - 1 }, (_, index) => quoteLiteral((index + 1) / bins));
  return `SELECT quantile_cont(CAST(${quoteIdentifier(column)} AS DOUBLE), [${fractions.join(', ')}]) FROM ${referenceTable} WHERE ${quoteIdentifier(column)} IS NOT NULL`;
}

/** Per bin delimited by the (ascending) edges, upper bound inclusive: counts in the reference and the current table. */
export function binnedCountsSql(column: string, referenceTable: string, edges: readonly number[]): string {
  const value = `CAST(${quoteIdentifier(column)} AS DOUBLE)`;
  const cases = edges.map((edge, index) => `WHEN ${value} <= ${quoteLiteral(edge)} THEN ${index}`).join(' ');
  return binCountsSql(edges.length === 0 ? '0' : `CASE ${cases} ELSE ${edges.length} END`, column, referenceTable);
}

function binCountsSql(bin: string, column: string, referenceTable: string): string {
  const present = `${quoteIdentifier(column)} IS NOT NULL`;
  return `SELECT sum(from_reference)::BIGINT AS reference, sum(1 - from_reference)::BIGINT AS current FROM (
    SELECT ${bin} AS bin, 1 AS from_reference FROM ${referenceTable} WHERE ${present}
    UNION ALL SELECT ${bin} AS bin, 0 AS from_reference FROM ${MAIN_TABLE} WHERE ${present}
  ) GROUP BY bin`;
}

/**
 * Two-sample Kolmogorov-Smirnov D in one query: both samples' empirical CDFs evaluated at every
 * distinct value, and the largest gap. Columns: statistic, current_count, reference_count.
 */
export function ksStatisticSql(column: string, referenceTable: string): string {
  const value = `CAST(${quoteIdentifier(column)} AS DOUBLE)`;
  const present = `${quoteIdentifier(column)} IS NOT NULL`;
  return `WITH samples AS (
      SELECT ${value} AS value, 1 AS in_current, 0 AS in_reference FROM ${MAIN_TABLE} WHERE ${present}
      UNION ALL SELECT ${value}, 0, 1 FROM ${referenceTable} WHERE ${present}
    ), per_value AS (
      SELECT value, sum(in_current) AS current, sum(in_reference) AS reference FROM samples GROUP BY value
    ), cdfs AS (
      SELECT sum(current) OVER (ORDER BY value) / sum(current) OVER () AS current_cdf,
             sum(reference) OVER (ORDER BY value) / sum(reference) OVER () AS reference_cdf,
             sum(current) OVER () AS current_count, sum(reference) OVER () AS reference_count
      FROM per_value
    )
    SELECT max(abs(current_cdf - reference_cdf)) AS statistic,
           coalesce(max(current_count), 0)::BIGINT AS current_count,
           coalesce(max(reference_count), 0)::BIGINT AS reference_count
    FROM cdfs`;
}
