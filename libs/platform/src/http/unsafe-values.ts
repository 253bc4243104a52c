import type { FieldProblem } from '@libs/ddd';

/** Deeper than any real request nests (workflow params included); past it the DTO layers would recurse. */
export const MAX_NESTING_DEPTH = 64;

const NUL = '\u0000';

/**
 * The first value of a parsed request part that no handler may receive: a string or key holding
 * U+0000, which PostgreSQL refuses in text (so it would fail as a 500 deep inside), or nesting past
 * MAX_NESTING_DEPTH. Fields are named as the validation pipe names them (`params.a.0.b`). Walks
 * with its own stack, so a hostile depth cannot overflow the call stack.
 */
export function findUnsafeValue(root: unknown, rootField = ''): FieldProblem | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: root, field: rootField, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      if (value.includes(NUL))
        return { field: field || '(body)', message: 'must not contain the NUL character (U+0000)' };
      continue;
    }
    if (!isParsedContainer(value)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      return { field: field || '(body)', message: `must not nest deeper than ${MAX_NESTING_DEPTH} levels` };
    }
    for (const [key, child] of Object.entries(value)) {
      if (key.includes(NUL)) return { field: field || '(body)', message: 'has a key with the NUL character (U+0000)' };
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
