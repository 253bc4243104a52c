import type { FieldProblem } from '@libs/ddd';

/** Deeper than any real request nests (workflow params included); past it the DTO layers would recurse. */
export const MAX_NESTING_DEPTH = 64;

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL would refuse a string (in text, or in json as the outbox writes it), if it would. */
function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'the NUL character (U+0000)';
  // A lone surrogate (\ud800) survives JSON.parse but is no Unicode: jsonb refuses its escape.
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

/**
 * The first value of a parsed request part that no handler may receive: a string or key holding
 * U+0000 or a lone surrogate, which PostgreSQL refuses (a 500 deep inside), or nesting past
 * MAX_NESTING_DEPTH. Fields are named as the validation pipe names them (`params.a.0.b`). Walks
 * with its own stack, so a hostile depth cannot overflow the call stack.
 */
export function findUnsafeValue(root: unknown, rootField = ''): FieldProblem | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: root, field: rootField, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field: field || '(body)', message: `must not contain ${problem}` };
      continue;
    }
    if (!isParsedContainer(value)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      return { field: field || '(body)', message: `must not nest deeper than ${MAX_NESTING_DEPTH} levels` };
    }
    if (Array.isArray(value)) {
      // An array's keys are its indexes, read without a [key, value] pair each: numbers, booleans
      // and null hold nothing to refuse, and a tensor has thousands of them (docs/adr/0508).
      for (let index = 0; index < value.length; index += 1) {
        const child: unknown = value[index];
        if (typeof child === 'string' || isParsedContainer(child))
          pending.push({ value: child, field: field ? `${field}.${index}` : String(index), depth: depth + 1 });
      }
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return { field: field || '(body)', message: `has a key with ${problem}` };
      if (typeof child === 'string' || isParsedContainer(child))
        pending.push({ value: child, field: field ? `${field}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Parsed JSON, query strings and path parameters; a streamed body (a Node stream) or bytes are not. */
function isParsedContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null) return false;
  return !ArrayBuffer.isView(value) && typeof (value as { pipe?: unknown }).pipe !== 'function';
}
