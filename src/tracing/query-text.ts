// The select list up to the first FROM: ORM statements spell every column twice ("Model"."id" AS "Model_id").
const SELECT_LIST = /^(\s*SELECT\s)[\s\S]*?(\sFROM\s)/i;

/**
 * A query span's `db.query.text` without its select list: `SELECT … FROM "models" "Model" WHERE …`.
 * The tables, joins, filters and order, what a trace is read for, stay; the column list was most of
 * a read's exported bytes (ADR 0602). Other statements are kept whole.
 */
export function queryTextWithoutSelectList(text: string): string {
  return text.replace(SELECT_LIST, '$1…$2');
}
