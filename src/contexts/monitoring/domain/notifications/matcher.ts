import type { FieldProblem } from '@libs/ddd';
import type { Labels } from '../alerts/labels.js';

/**
 * Alertmanager's equality matchers. Regular-expression matchers are left out on purpose: a pattern
 * from a user runs on every evaluation of every alert, and a catastrophic one would stall them all.
 */
export interface Matcher {
  readonly name: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

const MAX_MATCHERS = 20;

/** An absent label matches `=""`, as in Alertmanager. */
export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((matcher) => ((labels[matcher.name] ?? '') === matcher.value) === (matcher.op === '='));
}

export function parseMatchers(field: string, input: unknown): { matchers: Matcher[]; problems: FieldProblem[] } {
  if (!Array.isArray(input) || input.length > MAX_MATCHERS) {
    return {
      matchers: [],
      problems: [{ field, message: `must be a list of at most ${MAX_MATCHERS} { name, op, value }` }],
    };
  }
  const problems: FieldProblem[] = [];
  const matchers = input.map((item: unknown, index): Matcher => {
    const { name, op, value } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(name)) {
      problems.push({ field: `${field}[${index}].name`, message: 'must be a label name' });
    }
    if (op !== '=' && op !== '!=') problems.push({ field: `${field}[${index}].op`, message: 'must be = or !=' });
    if (typeof value !== 'string' || value.length > 1000) {
      problems.push({ field: `${field}[${index}].value`, message: 'must be a string of at most 1000 characters' });
    }
    return { name: String(name), op: op === '!=' ? '!=' : '=', value: String(value) };
  });
  return { matchers, problems };
}
