import type { TransformRun, WrittenTable } from '../../application/ports/query-engine.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import { expressionProblem } from './custom-sql-guard.js';
import type { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { engineMessage } from './engine-error.js';
import { textOf } from './key-values.js';
import { loadTableOf, STAGED, withStagedOutputs } from './staged-output.js';
import { compileOperation, POSITION } from './transform-sql.js';

const INPUT = `${STAGED}.input`;
const RESULT = 'result';

/**
 * A transform step: the input (and joined tables) loaded into the staging database, the operations
 * compiled one over the other and run sealed, the result written in the input's order.
 */
export async function runTransform(settings: DuckDbSettings, run: TransformRun): Promise<WrittenTable> {
  const joinedTables = new Map([...run.joined.keys()].map((name, index) => [name, `${STAGED}.joined_${index}`]));
  const load = async (session: DuckDbSession) => {
    await loadTableOf(session, INPUT, run.input, 'input');
    for (const [name, file] of run.joined)
      await loadTableOf(session, joinedTables.get(name) ?? '', file, `joined ${name}`);
  };
  const work = async (session: DuckDbSession) => {
    for (const operation of run.operations) {
      if (operation.op !== 'filter' && operation.op !== 'derive') continue;
      const problem = await expressionProblem(session, operation.expression);
      if (problem) throw new PipelineStepRefused(problem);
    }
    let sql = `SELECT *, rowid AS ${POSITION} FROM ${INPUT}`;
    const columnsOf = async (query: string) => (await session.rows(`DESCRIBE ${query}`)).map(([name]) => textOf(name));
    try {
      for (const operation of run.operations)
        sql = await compileOperation(operation, sql, columnsOf, (name) => tableNamed(joinedTables, name));
      await session.run(
        `CREATE TABLE ${STAGED}.${RESULT} AS SELECT * EXCLUDE (${POSITION}) FROM (${sql}) ORDER BY ${POSITION}`,
      );
    } catch (error) {
      if (error instanceof PipelineStepRefused) throw error;
      throw new PipelineStepRefused(engineMessage(error));
    }
  };
  const staged = await withStagedOutputs(
    settings,
    `${run.output.path}.staging.duckdb`,
    load,
    work,
    new Map([[RESULT, run.output]]),
  );
  return { rowCount: staged.rowCounts.get(RESULT) ?? 0, columns: staged.columns.get(RESULT) ?? [] };
}

/** A join names a step the run handed over; anything else would splice the user's text in as a table. */
function tableNamed(tables: ReadonlyMap<string, string>, name: string): string {
  const table = tables.get(name);
  if (table === undefined) throw new PipelineStepRefused(`the join names ${name}, whose table was not given`);
  return table;
}
