import { RE2JS } from 're2js';

const MAX_SOURCE_LENGTH = 1000;

/**
 * A regular expression that must match a whole string, run by RE2's linear-time engine: a user's
 * pattern can be slow to write but never slow to run (no backtracking), as in Prometheus and
 * Alertmanager, whose matchers are RE2 and fully anchored too.
 */
export class FullMatchPattern {
  private constructor(private readonly compiled: RE2JS) {}

  /** The pattern, or why `source` is none RE2 accepts. */
  static compile(source: string): FullMatchPattern | string {
    if (source.length > MAX_SOURCE_LENGTH) return `must be at most ${MAX_SOURCE_LENGTH} characters`;
    try {
      return new FullMatchPattern(RE2JS.compile(source));
    } catch (error) {
      return `is not a valid RE2 expression: ${(error as Error).message}`;
    }
  }

  matches(text: string): boolean {
    return this.compiled.matches(text);
  }
}
