import type { RowCheck } from '../../domain/checks/check.js';
import { columnList, quoteIdentifier, quoteLiteral } from './sql-text.js';

export const MAIN_TABLE = 'data';

/**
 * A row check compiled to SQL. `predicate`, when there is one, is true exactly for failing rows,
 * so every such check is evaluated in one shared scan. `failingRows` selects the key columns of
 * the failing rows: the whole query for the checks that need a grouping or a join (unique,
 * relationships), and the same rows as the predicate for the others.
 */
export interface CompiledRowCheck {
  readonly predicate?: string;
  readonly failingRows: string;
}

/** `keyColumns` are quoted SQL; `referenceTable` gives the quoted table a reference name was loaded as. */
export function compileRowCheck(
  check: RowCheck,
  keyColumns: string,
  referenceTable: (name: string) => string,
): CompiledRowCheck {
  const from = `SELECT ${keyColumns} FROM ${MAIN_TABLE}`;
  switch (check.kind) {
    case 'unique':
      return {
        // Grouping and a semi join on the (few) duplicated keys: cheaper than a window over every row.
        failingRows: `${from} SEMI JOIN (SELECT ${columnList(check.columns)} FROM ${MAIN_TABLE} WHERE ${allPresent(check.columns)} GROUP BY ALL HAVING count(*) > 1) AS duplicated ON ${sameKey(check.columns)}`,
      };
    case 'relationships':
      return {
        failingRows: `${from} WHERE ${allPresent(check.columns)} AND NOT EXISTS (${referenceMatch(check, referenceTable)})`,
      };
    default: {
      const predicate = failingPredicate(check);
      return { predicate, failingRows: `${from} WHERE ${predicate}` };
    }
  }
}

function failingPredicate(check: Exclude<RowCheck, { kind: 'unique' | 'relationships' }>): string {
  switch (check.kind) {
    case 'not_null':
      return `${quoteIdentifier(check.column)} IS NULL`;
    case 'accepted_values':
      return `${quoteIdentifier(check.column)} NOT IN (${check.values.map(quoteLiteral).join(', ')})`;
    case 'between': {
      const column = quoteIdentifier(check.column);
      const bounds = [
        check.min === undefined ? undefined : `${column} < ${quoteLiteral(check.min)}`,
        check.max === undefined ? undefined : `${column} > ${quoteLiteral(check.max)}`,
      ];
      return `(${bounds.filter((bound) => bound !== undefined).join(' OR ')})`;
    }
    case 'regex':
      return `NOT regexp_full_match(CAST(${quoteIdentifier(check.column)} AS VARCHAR), ${quoteLiteral(check.pattern)})`;
    case 'custom_sql':
      // The one place user SQL is spliced in: CustomSqlGuard has checked it is a lone expression over this table.
      return `NOT coalesce((${check.expression}), FALSE)`;
  }
}

function sameKey(columns: readonly string[]): string {
  return columns
    .map((column) => `${MAIN_TABLE}.${quoteIdentifier(column)} = duplicated.${quoteIdentifier(column)}`)
    .join(' AND ');
}

function allPresent(columns: readonly string[]): string {
  return columns.map((column) => `${MAIN_TABLE}.${quoteIdentifier(column)} IS NOT NULL`).join(' AND ');
}

function referenceMatch(
  check: Extract<RowCheck, { kind: 'relationships' }>,
  referenceTable: (name: string) => string,
): string {
  const pairs = check.columns.map(
    (column, index) =>
      `reference.${quoteIdentifier(check.referenceColumns[index])} = ${MAIN_TABLE}.${quoteIdentifier(column)}`,
  );
  return `SELECT 1 FROM ${referenceTable(check.reference)} AS reference WHERE ${pairs.join(' AND ')}`;
}
