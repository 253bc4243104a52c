import { rm } from 'node:fs/promises';
import type { OutputFile, TableFile } from '../../application/ports/query-engine.js';
import { TableUnreadable } from '../../domain/errors.js';
import { DuckDbSession } from './duckdb-session.js';
import type { DuckDbSettings } from './duckdb-settings.js';
import { engineMessage } from './engine-error.js';
import { countOf, textOf } from './key-values.js';
import { quoteIdentifier, quoteLiteral } from './sql-text.js';
import { scanSql } from './table-source-sql.js';

export const STAGED = 'staged';

const COPY_OPTIONS: Readonly<Record<OutputFile['format'], string>> = {
  parquet: 'FORMAT parquet',
  csv: 'FORMAT csv, HEADER true',
  jsonl: 'FORMAT json',
};

/**
 * User SQL (filters, derived columns, custom checks) runs only in a session sealed from files; a
 * sealed session cannot write the output file. So `work` runs sealed with a DuckDB database file
 * attached as `staged` (tables there live on disk, not in the Node heap), and a second session,
 * running no user SQL, copies the staged tables it names to their output files. The staging file is
 * replaced on each call and removed after, so a step run again overwrites what a crash left.
 */
export async function withStagedOutputs<T>(
  settings: DuckDbSettings,
  stagingPath: string,
  load: (session: DuckDbSession) => Promise<void>,
  work: (session: DuckDbSession) => Promise<T>,
  outputs: ReadonlyMap<string, OutputFile>,
): Promise<{ result: T; rowCounts: Map<string, number>; columns: Map<string, string[]> }> {
  await removeStaging(stagingPath);
  try {
    const result = await inSession(settings, async (session) => {
      await session.run(`ATTACH ${quoteLiteral(stagingPath)} AS ${STAGED}`);
      await load(session);
      await session.sealFileAccess();
      return work(session);
    });
    const { rowCounts, columns } = await inSession(settings, async (session) => {
      await session.run(`ATTACH ${quoteLiteral(stagingPath)} AS ${STAGED} (READ_ONLY)`);
      const counts = new Map<string, number>();
      const names = new Map<string, string[]>();
      for (const [table, output] of outputs) {
        const staged = `${STAGED}.${quoteIdentifier(table)}`;
        await rm(output.path, { force: true });
        await session.run(`COPY ${staged} TO ${quoteLiteral(output.path)} (${COPY_OPTIONS[output.format]})`);
        const [[count]] = await session.rows(`SELECT count(*) FROM ${staged}`);
        counts.set(table, countOf(count));
        names.set(
          table,
          (await session.rows(`DESCRIBE ${staged}`)).map(([name]) => textOf(name)),
        );
      }
      return { rowCounts: counts, columns: names };
    });
    return { result, rowCounts, columns };
  } finally {
    await removeStaging(stagingPath);
  }
}

async function inSession<T>(settings: DuckDbSettings, work: (session: DuckDbSession) => Promise<T>): Promise<T> {
  const session = await DuckDbSession.open(settings);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

async function removeStaging(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
}

/** Loads a whole file as a table (before the session is sealed); the engine's refusal names the role, never our path. */
export async function loadTableOf(session: DuckDbSession, table: string, file: TableFile, role: string): Promise<void> {
  try {
    await session.run(`CREATE TABLE ${table} AS SELECT * FROM ${scanSql(file)}`);
  } catch (error) {
    throw new TableUnreadable(role, engineMessage(error).replaceAll(file.path, 'the file'));
  }
}
