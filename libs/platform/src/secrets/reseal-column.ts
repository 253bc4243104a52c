import type { EntityManager } from 'typeorm';
import { SecretNotOpened } from './secret-cipher.js';

export interface ResealedColumn<Value> {
  /** Schema-qualified; its primary key is `id`. Names come from code, never from input. */
  readonly table: string;
  readonly column: string;
  /** `jsonb` for a JSON column: values are compared and written as JSON. */
  readonly type: 'text' | 'jsonb';
  /** The value as it should be stored under the current key, or undefined when it already is. */
  readonly reseal: (id: string, value: Value) => Value | undefined;
}

const BATCH = 200;

/**
 * Walks a table by id and rewrites the values `reseal` changes; answers how many rows it rewrote.
 * Each write is conditional on the value read, so a row the app rewrote meanwhile (a rotated webhook
 * secret) keeps the app's value instead of getting the old one back; no long transaction is held.
 */
export async function resealColumn<Value>(manager: EntityManager, spec: ResealedColumn<Value>): Promise<number> {
  const { table, column, type } = spec;
  const encode = (value: Value): unknown => (type === 'jsonb' ? JSON.stringify(value) : value);
  let after = '00000000-0000-0000-0000-000000000000';
  let rewritten = 0;
  for (;;) {
    const rows: { id: string; value: Value }[] = await manager.query(
      `SELECT id, ${column} AS value FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    for (const { id, value } of rows) {
      const resealed = resealedOrNamed(spec, id, value);
      if (resealed === undefined) continue;
      // TypeORM's PostgreSQL driver answers an UPDATE with [rows, count].
      const [, count] = await manager.query<[unknown, number]>(
        `UPDATE ${table} SET ${column} = $2::${type} WHERE id = $1 AND ${column} = $3::${type}`,
        [id, encode(resealed), encode(value)],
      );
      rewritten += count;
    }
    if (rows.length < BATCH) return rewritten;
    after = rows[rows.length - 1].id;
  }
}

/** The operator reads which row holds the value that does not open. */
function resealedOrNamed<Value>(spec: ResealedColumn<Value>, id: string, value: Value): Value | undefined {
  try {
    return spec.reseal(id, value);
  } catch (error) {
    if (error instanceof SecretNotOpened)
      throw new SecretNotOpened(`${spec.table}.${spec.column} of row ${id}: ${error.reason}`);
    throw error;
  }
}
