import type { TableFile } from '../../application/ports/query-engine.js';
import { TableContentInvalid } from '../../domain/errors.js';
import type { DuckDbSession } from './duckdb-session.js';
import { engineMessage } from './engine-error.js';
import { scanSql } from './table-source-sql.js';

export const PROFILED_TABLE = 'profiled';

/**
 * Loads the whole file with its declared types. DuckDB names the line of a value that does not
 * cast ("CSV Error on Line: 4") and the column ("Error when converting column ..."): both go to
 * the client, the rest of its message (the path of our temporary file, the sniffer's settings) does not.
 */
export async function loadProfiledTable(session: DuckDbSession, file: TableFile): Promise<void> {
  try {
    await session.run(`CREATE TABLE ${PROFILED_TABLE} AS SELECT * FROM ${scanSql(file)}`);
  } catch (error) {
    throw contentInvalid(error, file);
  }
}

/** The engine's refusal of a file, as the client may see it. */
export function contentInvalid(error: unknown, file: TableFile): TableContentInvalid {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on Line: (\d+)/i.exec(message)?.[1];
  const reason = /Error when converting column [^\n]*/.exec(message)?.[0] ?? withoutPath(engineMessage(error), file);
  return new TableContentInvalid(reason, line === undefined ? undefined : Number(line));
}

function withoutPath(message: string, file: TableFile): string {
  return message.replaceAll(file.path, 'the file');
}
