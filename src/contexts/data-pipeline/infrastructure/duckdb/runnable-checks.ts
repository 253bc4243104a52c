import type { Check } from '../../domain/checks/check.js';
import { columnTypeProblem } from './column-type-requirements.js';
import { expressionProblem } from './custom-sql-guard.js';
import { categoryCountsSql, ksStatisticSql } from './drift-sql.js';
import { engineMessage } from './engine-error.js';
import { compileRowCheck, MAIN_TABLE } from './row-check-sql.js';
import { quoteIdentifier } from './sql-text.js';
import type { SuiteContext } from './suite-context.js';

/**
 * Why a check cannot run on this table, or undefined when it can. Each check's SQL is planned
 * (EXPLAIN binds names and types without reading a row) before the shared scan, so a missing
 * column fails its own check instead of the query every check shares.
 */
export async function reasonCheckCannotRun(context: SuiteContext, check: Check): Promise<string | undefined> {
  const typeProblem = columnTypeProblem(check, context.columnTypes);
  if (typeProblem) return typeProblem;
  if (check.kind === 'custom_sql') {
    const problem = await expressionProblem(context.session, check.expression);
    if (problem) return problem;
  }
  const sql = sqlToPlan(context, check);
  if (sql === undefined) return undefined;
  try {
    await context.session.run(`EXPLAIN ${sql}`);
    return undefined;
  } catch (error) {
    return engineMessage(error);
  }
}

function sqlToPlan(context: SuiteContext, check: Check): string | undefined {
  switch (check.kind) {
    case 'row_count_between':
    case 'schema':
      return undefined;
    case 'freshness':
      return `SELECT max(CAST(${quoteIdentifier(check.column)} AS TIMESTAMP)) FROM ${MAIN_TABLE}`;
    case 'psi_drift':
      return categoryCountsSql(check.column, context.referenceTable(check.reference));
    case 'ks_drift':
      return ksStatisticSql(check.column, context.referenceTable(check.reference));
    default: {
      const compiled = compileRowCheck(check, context.keySelect, context.referenceTable);
      return compiled.predicate === undefined
        ? compiled.failingRows
        : `SELECT count(*) FILTER (WHERE ${compiled.predicate}) FROM ${MAIN_TABLE}`;
    }
  }
}
