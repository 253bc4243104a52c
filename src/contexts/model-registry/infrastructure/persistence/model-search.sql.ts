import type { ModelSearch } from '../../domain/model/registered-model.repository.js';

/**
 * The ids of one page of a model search (one more than the limit, to tell whether another page
 * follows), newest first. Every filter is a bound parameter; LIKE wildcards in the prefix are escaped.
 */
export function modelSearchSql(
  search: ModelSearch,
  afterId: string | undefined,
): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [search.projectId];
  const where = ['m.project_id = $1'];
  const bind = (value: unknown): string => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  if (search.namePrefix) where.push(`m.name LIKE ${bind(escapeLike(search.namePrefix) + '%')}`);
  if (search.tag) {
    where.push(
      search.tag.value === undefined
        ? `m.tags ? ${bind(search.tag.key)}`
        : `m.tags @> ${bind(JSON.stringify({ [search.tag.key]: search.tag.value }))}::jsonb`,
    );
  }
  if (search.alias) {
    where.push(
      `EXISTS (SELECT 1 FROM model_registry.aliases a WHERE a.model_id = m.id AND a.alias = ${bind(search.alias)})`,
    );
  }
  if (search.versionStatus) {
    where.push(
      `EXISTS (SELECT 1 FROM model_registry.model_versions v WHERE v.model_id = m.id AND v.status = ${bind(search.versionStatus)})`,
    );
  }
  if (search.createdAfter) where.push(`m.created_at >= ${bind(search.createdAfter)}`);
  if (search.createdBefore) where.push(`m.created_at < ${bind(search.createdBefore)}`);
  if (afterId) where.push(`m.id < ${bind(afterId)}::uuid`);
  const sql = `SELECT m.id FROM model_registry.models m WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT ${bind(search.limit + 1)}`;
  return { sql, parameters };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
