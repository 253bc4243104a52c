import { ValidationError, type FieldProblem } from '@libs/ddd';
import { referencedTable, type Check } from './check.js';
import type { CheckInput } from './check-input.js';
import { defineCheck } from './define-check.js';

export const DEFAULT_FAILING_KEY_LIMIT = 1_000;
const MAX_FAILING_KEY_LIMIT = 100_000;
const MAX_CHECKS = 500;

export interface CheckSuiteInput {
  readonly checks: readonly CheckInput[];
  /** How many failing rows' keys a result carries; the total count is always exact. */
  readonly failingKeyLimit?: number;
}

/** The checks run together against one table, with unique names, and the cap on failing keys per result. */
export class CheckSuite {
  private constructor(
    readonly checks: readonly Check[],
    readonly failingKeyLimit: number,
  ) {}

  static of(input: CheckSuiteInput): CheckSuite {
    const limit = input.failingKeyLimit ?? DEFAULT_FAILING_KEY_LIMIT;
    const problems: FieldProblem[] = [];
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_FAILING_KEY_LIMIT)
      problems.push({ field: 'failingKeyLimit', message: `must be an integer from 0 to ${MAX_FAILING_KEY_LIMIT}` });
    if (input.checks.length === 0 || input.checks.length > MAX_CHECKS)
      problems.push({ field: 'checks', message: `must hold 1 to ${MAX_CHECKS} checks` });
    const names = input.checks.map((check) => check.name);
    const twice = names.filter((name, index) => names.indexOf(name) !== index);
    if (twice.length > 0) problems.push({ field: 'checks', message: `names ${[...new Set(twice)].join(', ')} twice` });
    if (problems.length > 0) throw new ValidationError('The check suite is invalid', problems, 'invalid-check-suite');
    return new CheckSuite(Object.freeze(input.checks.map(defineCheck)), limit);
  }

  /** The reference tables the suite reads, which whoever runs it must supply. */
  get references(): readonly string[] {
    return [...new Set(this.checks.map(referencedTable).filter((name) => name !== undefined))];
  }
}
