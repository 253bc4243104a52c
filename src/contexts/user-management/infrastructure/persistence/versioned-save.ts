import { ConcurrencyError } from '@libs/ddd';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Optimistic locking: inserts at version 1, or updates only the row still at the version the
 * aggregate was loaded with. Returns the version written.
 */
export async function versionedSave<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: T,
  loadedVersion: number,
  resource: string,
): Promise<number> {
  const repository = manager.getRepository(target);
  if (loadedVersion === 0) {
    await repository.insert({ ...row, version: 1 });
    return 1;
  }
  const next = loadedVersion + 1;
  const result = await repository
    .createQueryBuilder()
    .update()
    .set({ ...row, version: next })
    .where('id = :id AND version = :version', { id: row.id, version: loadedVersion })
    .execute();
  if (result.affected !== 1) throw new ConcurrencyError(resource, row.id);
  return next;
}
