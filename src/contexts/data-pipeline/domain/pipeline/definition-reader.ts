import type { FieldProblem } from '@libs/ddd';
import { columnNameProblem } from '../schema/column-name.js';

/**
 * Reads fields of a JSON object a client sent, collecting a problem per bad field (named by its
 * path) instead of stopping at the first, so one answer lists every mistake of a definition.
 */
export class DefinitionReader {
  readonly problems: FieldProblem[] = [];

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  object(value: unknown, field: string): Readonly<Record<string, unknown>> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Readonly<Record<string, unknown>>;
    this.problem(field, 'must be an object');
    return undefined;
  }

  text(value: unknown, field: string, maxLength = 10_000): string | undefined {
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength) return value;
    this.problem(field, `must be a non-empty string of at most ${maxLength} characters`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T | undefined {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(field, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  column(value: unknown, field: string): string | undefined {
    const problem = columnNameProblem(field, value);
    if (problem) this.problems.push(problem);
    return problem ? undefined : (value as string);
  }

  columns(value: unknown, field: string, { allowEmpty = false } = {}): string[] | undefined {
    if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
      this.problem(field, allowEmpty ? 'must be an array of column names' : 'must name at least one column');
      return undefined;
    }
    const names = value.map((name, index) => this.column(name, `${field}[${index}]`));
    if (new Set(value).size !== value.length) this.problem(field, 'must not name a column twice');
    return names.every((name) => name !== undefined) ? names : undefined;
  }

  /** A fraction strictly between 0 and 1: 0 or 1 would make a part or a sample of nothing or everything. */
  fraction(value: unknown, field: string): number | undefined {
    if (typeof value === 'number' && value > 0 && value < 1) return value;
    this.problem(field, 'must be a number strictly between 0 and 1');
    return undefined;
  }

  seed(value: unknown, field: string): number | undefined {
    if (value === undefined) return 0;
    if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
    this.problem(field, 'must be a non-negative integer');
    return undefined;
  }
}
