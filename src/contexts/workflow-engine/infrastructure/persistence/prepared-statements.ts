import type pg from 'pg';
import type { EntityManager } from 'typeorm';

/** One of the repository's fixed statements, under a name unique to its text. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Runs a fixed statement as a named statement of node-postgres, on the caller's transaction when one
 * is open and on a pooled connection otherwise: each connection parses and plans it once, and every
 * later run sends its parameters only. The change statement is long (five data-modifying WITH items),
 * and parsing and planning it on every change was a fair part of the server's CPU per task
 * (docs/adr/0203). TypeORM's `query` sends unnamed statements only, hence its driver's connection.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  { name, text }: PreparedStatement,
  values: readonly unknown[],
): Promise<T[]> {
  const transaction = manager.queryRunner;
  const runner = transaction ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    const result = await client.query<T & pg.QueryResultRow>({ name, text, values: [...values] });
    return result.rows;
  } finally {
    if (transaction === undefined) await runner.release();
  }
}
