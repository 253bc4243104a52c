import { FullMatchPattern, type FieldProblem } from '@libs/ddd';
import type { Labels } from '../alerts/labels.js';

export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

/**
 * Alertmanager's label matchers: equality, and regular expressions fully anchored (`=~ "m.*"` holds
 * for `ml`, not for `xml`). Patterns run on RE2's linear-time engine (@libs/ddd FullMatchPattern),
 * so a user's pattern, run on every alert of every round, cannot stall the notifier.
 */
export interface Matcher {
  readonly name: string;
  readonly op: MatchOp;
  readonly value: string;
}

const MAX_MATCHERS = 20;
// Compiled once per pattern text: the same few patterns are matched against every alert of every round.
const MAX_CACHED_PATTERNS = 1000;
const patterns = new Map<string, FullMatchPattern>();

/** An absent label matches `=""` (and `=~ ""`), as in Alertmanager. */
export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((matcher) => {
    const actual = labels[matcher.name] ?? '';
    switch (matcher.op) {
      case '=':
        return actual === matcher.value;
      case '!=':
        return actual !== matcher.value;
      case '=~':
        return patternOf(matcher.value).matches(actual);
      case '!~':
        return !patternOf(matcher.value).matches(actual);
    }
  });
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
    const known = (MATCH_OPS as readonly unknown[]).includes(op);
    if (!known) problems.push({ field: `${field}[${index}].op`, message: `must be one of ${MATCH_OPS.join(' ')}` });
    if (typeof value !== 'string' || value.length > 1000) {
      problems.push({ field: `${field}[${index}].value`, message: 'must be a string of at most 1000 characters' });
    } else if (op === '=~' || op === '!~') {
      const pattern = FullMatchPattern.compile(value);
      if (typeof pattern === 'string') problems.push({ field: `${field}[${index}].value`, message: pattern });
    }
    return { name: String(name), op: known ? (op as MatchOp) : '=', value: String(value) };
  });
  return { matchers, problems };
}

/** Only patterns parseMatchers accepted are stored, so compiling one again cannot fail. */
function patternOf(source: string): FullMatchPattern {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    const compiled = FullMatchPattern.compile(source);
    if (typeof compiled === 'string') throw new Error(`stored matcher pattern ${source} ${compiled}`);
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(source, compiled);
    pattern = compiled;
  }
  return pattern;
}
