import type { JS } from '@duckdb/node-api';
import type { TableFile } from '../../application/ports/query-engine.js';
import { TableUnreadable } from '../../domain/errors.js';
import type { DuckDbSession } from './duckdb-session.js';
import { engineMessage } from './engine-error.js';
import { textOf } from './key-values.js';
import { quoteIdentifier } from './sql-text.js';
import { scanSql } from './table-source-sql.js';

const TABLE = 'version_rows';
/** The file position of each row, numbered as the file is read, so a later reading finds the same row at the same place. */
const POSITION = '__position';

/** A version's file loaded once into a private session, read by position as many times as asked. */
export class LoadedVersionRows {
  private constructor(
    private readonly session: DuckDbSession,
    readonly columns: readonly string[],
  ) {}

  static async load(session: DuckDbSession, file: TableFile): Promise<LoadedVersionRows> {
    try {
      await session.run(
        `CREATE TABLE ${TABLE} AS SELECT row_number() OVER () - 1 AS ${POSITION}, * FROM ${scanSql(file)}`,
      );
    } catch (error) {
      throw new TableUnreadable('input', engineMessage(error));
    }
    const described = await session.rows(`DESCRIBE ${TABLE}`);
    const columns = described.map(([name]) => textOf(name)).filter((name) => name !== POSITION);
    return new LoadedVersionRows(session, columns);
  }

  async read(offset: number, limit: number): Promise<Record<string, unknown>[]> {
    const selected = this.columns.map((name) => quoteIdentifier(name)).join(', ');
    const rows = await this.session.rows(
      `SELECT ${selected} FROM ${TABLE} WHERE ${POSITION} >= ${Math.trunc(offset)} AND ${POSITION} < ${Math.trunc(offset + limit)} ORDER BY ${POSITION}`,
    );
    return rows.map((values) =>
      Object.fromEntries(this.columns.map((name, index) => [name, jsonValueOf(values[index])])),
    );
  }
}

/** A value as JSON carries it: big integers exact (text past 2^53), dates as ISO text, lists and structs kept nested. */
function jsonValueOf(value: JS): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => jsonValueOf(item));
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonValueOf(inner)]));
  return String(value);
}
