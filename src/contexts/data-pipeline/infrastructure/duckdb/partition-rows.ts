import type { PartitionedRows, PartitionRun } from '../../application/ports/query-engine.js';
import { referencedTable } from '../../domain/checks/check.js';
import { PipelineStepRefused, ReferenceTableMissing } from '../../domain/errors.js';
import { expressionProblem } from './custom-sql-guard.js';
import type { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { engineMessage } from './engine-error.js';
import { compileRowCheck, MAIN_TABLE } from './row-check-sql.js';
import { quoteIdentifier } from './sql-text.js';
import { loadTableOf, STAGED, withStagedOutputs } from './staged-output.js';

/** Failing rows are named by their row id: it names every row once, whatever the table's key. */
const ROW = `${MAIN_TABLE}.rowid AS failing_row`;

/**
 * Splits the table into the rows that fail any of the checks (quarantine) and the rest (clean),
 * each in the table's order: one set of failing row ids from the checks' own SQL, so the rows set
 * aside are exactly those the report's failing keys name.
 */
export async function partitionRows(settings: DuckDbSettings, run: PartitionRun): Promise<PartitionedRows> {
  const missing = run.checks.flatMap((check) => {
    const reference = referencedTable(check);
    return reference !== undefined && !run.references.has(reference) ? [reference] : [];
  });
  if (missing.length > 0) throw new ReferenceTableMissing(missing);
  const references = new Map(
    [...run.references.keys()].map((name, index) => [name, quoteIdentifier(`reference_${index}`)]),
  );
  const load = async (session: DuckDbSession) => {
    await loadTableOf(session, MAIN_TABLE, run.table, 'checked');
    for (const [name, file] of run.references)
      await loadTableOf(session, references.get(name) ?? '', file, `reference ${name}`);
  };
  const work = async (session: DuckDbSession) => {
    for (const check of run.checks) {
      const problem = check.kind === 'custom_sql' ? await expressionProblem(session, check.expression) : undefined;
      if (problem) throw new PipelineStepRefused(problem);
    }
    const failing = run.checks.map(
      (check) => compileRowCheck(check, ROW, (name) => references.get(name) ?? '').failingRows,
    );
    const failingIds = [...failing, `SELECT ${ROW} FROM ${MAIN_TABLE} WHERE FALSE`].join(' UNION ');
    try {
      await session.run(`CREATE TABLE ${STAGED}.failing AS ${failingIds}`);
      const of = (negated: string) =>
        `SELECT * FROM ${MAIN_TABLE} WHERE rowid ${negated}IN (SELECT failing_row FROM ${STAGED}.failing) ORDER BY rowid`;
      await session.run(`CREATE TABLE ${STAGED}.clean AS ${of('NOT ')}`);
      await session.run(`CREATE TABLE ${STAGED}.quarantine AS ${of('')}`);
    } catch (error) {
      throw new PipelineStepRefused(engineMessage(error));
    }
  };
  const outputs = new Map([
    ['clean', run.clean],
    ['quarantine', run.quarantine],
  ]);
  const staged = await withStagedOutputs(settings, `${run.clean.path}.staging.duckdb`, load, work, outputs);
  return { clean: staged.rowCounts.get('clean') ?? 0, quarantined: staged.rowCounts.get('quarantine') ?? 0 };
}
