import type { DuckDbSession } from './duckdb-session.js';
import { textOf } from './key-values.js';
import { MAIN_TABLE } from './row-check-sql.js';

interface ParsedStatement {
  readonly node?: {
    readonly type?: string;
    readonly select_list?: readonly unknown[];
    readonly from_table?: {
      readonly type?: string;
      readonly table_name?: string;
      readonly schema_name?: string;
      readonly catalog_name?: string;
    };
    readonly where_clause?: unknown;
    readonly group_expressions?: readonly unknown[];
    readonly having?: unknown;
    readonly qualify?: unknown;
    readonly modifiers?: readonly unknown[];
    readonly cte_map?: { readonly map?: readonly unknown[] };
  };
}

/**
 * A custom check's expression is the one piece of user SQL we run. Before it is spliced into a
 * query it must parse, in `SELECT (<expression>) FROM data`, as exactly that: one statement, one
 * select item, the main table alone, no subquery, no clause smuggled in by unbalanced parentheses.
 * (The session has also turned off file access by then, so even a mistake here reads no file.)
 */
export async function expressionProblem(session: DuckDbSession, expression: string): Promise<string | undefined> {
  const [[serialized]] = await session.rows('SELECT json_serialize_sql($1::VARCHAR)', [
    `SELECT (${expression}) FROM ${MAIN_TABLE}`,
  ]);
  const text = textOf(serialized);
  const parsed = JSON.parse(text) as { error: boolean; statements?: readonly ParsedStatement[] };
  const lone = !parsed.error && isLoneRowExpression(parsed.statements ?? []);
  return lone && !text.includes('"class":"SUBQUERY"')
    ? undefined
    : 'the expression must be one boolean expression over the table columns, without subqueries';
}

function isLoneRowExpression(statements: readonly ParsedStatement[]): boolean {
  const node = statements.length === 1 ? statements[0].node : undefined;
  const from = node?.from_table;
  return (
    node?.type === 'SELECT_NODE' &&
    node.select_list?.length === 1 &&
    from?.type === 'BASE_TABLE' &&
    from.table_name === MAIN_TABLE &&
    !from.schema_name &&
    !from.catalog_name &&
    node.where_clause === null &&
    node.group_expressions?.length === 0 &&
    node.having === null &&
    node.qualify === null &&
    node.modifiers?.length === 0 &&
    node.cte_map?.map?.length === 0
  );
}
