import { describe, expect, it } from '@jest/globals';
import { queryTextWithoutSelectList } from './query-text.js';

describe("a query span's statement", () => {
  it('drops the select list up to the first FROM and keeps tables, joins, filters and order', () => {
    const text =
      'SELECT "Model"."id" AS "Model_id", "Model"."name" AS "Model_name" FROM "models" "Model" ' +
      'WHERE "Model"."project_id" = $1 ORDER BY "Model"."name" ASC';
    expect(queryTextWithoutSelectList(text)).toBe(
      'SELECT … FROM "models" "Model" WHERE "Model"."project_id" = $1 ORDER BY "Model"."name" ASC',
    );
    expect(queryTextWithoutSelectList('select\n  a,\n  b\nfrom t where x = $1')).toBe('select\n…\nfrom t where x = $1');
  });

  it('keeps other statements whole', () => {
    for (const text of ['INSERT INTO "models" ("id") VALUES ($1) RETURNING "id"', 'SELECT 1', 'COMMIT']) {
      expect(queryTextWithoutSelectList(text)).toBe(text);
    }
  });
});
