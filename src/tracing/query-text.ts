// The select list up to the first FROM: ORM statements spell every column twice ("Model"."id" AS "Model_id").
const SELECT_LIST = /^(\s*SELECT\s)[\s\S]*?(\sFROM\s)/i;

// The ORM's statements are parameterised, so a process sends a few hundred distinct texts; beyond
// this many (ad-hoc SQL), a text is elided each time rather than kept.
const MAX_REMEMBERED = 2_000;
const elided = new Map<string, string>();

/**
 * A query span's `db.query.text` without its select list: `SELECT … FROM "models" "Model" WHERE …`.
 * The tables, joins, filters and order, what a trace is read for, stay; the column list was most of
 * a read's exported bytes (ADR 0602). Other statements are kept whole. Remembered per statement
 * text: the regex's lazy scan over a long select list cost more than every other part of the hook.
 */
export function queryTextWithoutSelectList(text: string): string {
  const remembered = elided.get(text);
  if (remembered !== undefined) return remembered;
  const result = text.replace(SELECT_LIST, '$1…$2');
  if (elided.size < MAX_REMEMBERED) elided.set(text, result);
  return result;
}
