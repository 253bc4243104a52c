import { ConcurrencyError } from '@libs/ddd';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export interface RowKey {
  readonly sql: string;
  readonly parameters: Record<string, unknown>;
  readonly resource: string;
  readonly id: string;
  /**
   * What a new row that collides with a unique constraint means (name taken, alias exists). The
   * insert then does nothing instead of failing, so the transaction stays usable and no error is logged.
   */
  readonly duplicate?: () => Error;
}

/**
 * Inserts a new row at version 1, or updates the row only while it is still at the version the
 * aggregate was loaded with; answers the version written. `key` names the row.
 */
export async function writeAtVersion<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: T,
  loadedVersion: number,
  key: RowKey,
): Promise<number> {
  if (loadedVersion === 0) {
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values({ ...row, version: 1 });
    if (!key.duplicate) {
      await insert.execute();
      return 1;
    }
    const result = await insert.orIgnore().returning('version').execute();
    if ((result.raw as unknown[]).length !== 1) throw key.duplicate();
    return 1;
  }
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...row, version: loadedVersion + 1 })
    .where(`${key.sql} AND version = :loadedVersion`, { ...key.parameters, loadedVersion })
    .execute();
  if (result.affected !== 1) throw new ConcurrencyError(key.resource, key.id);
  return loadedVersion + 1;
}
