import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { isUuid } from '@libs/ddd';
import type { AmbientTransaction } from './ambient-transaction.js';

/**
 * The project a row belongs to, found by the row's id: what a route's project resolver asks of an
 * entity with `id` and `projectId` columns. A malformed or unknown id answers undefined (the guard
 * then answers 404), never a database error.
 */
export async function projectOfRow(
  scope: AmbientTransaction,
  entity: EntityTarget<ObjectLiteral>,
  id: string,
): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await scope
    .manager()
    .getRepository(entity)
    .createQueryBuilder('row')
    .select('row.projectId', 'projectId')
    .where('row.id = :id', { id })
    .getRawOne<{ projectId: string }>();
  return row?.projectId;
}
