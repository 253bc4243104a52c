import { ValidationError, type FieldProblem } from '@libs/ddd';
import type { CheckInput } from '../../domain/checks/check-input.js';
import { CheckSuite, type CheckSuiteInput } from '../../domain/checks/check-suite.js';
import { defineCheck } from '../../domain/checks/define-check.js';

/**
 * The suite of a request, its problems named by where they are (`checks[2].threshold`) rather than
 * by the bare field of one check, which a suite of many would leave the client to guess.
 */
export function suiteOf(input: CheckSuiteInput): CheckSuite {
  const checks: readonly CheckInput[] = Array.isArray(input.checks) ? input.checks : [];
  const problems = checks.flatMap((check, index) => problemsOf(check, `checks[${index}]`));
  if (problems.length > 0) throw new ValidationError('The check suite is invalid', problems, 'invalid-check-suite');
  return CheckSuite.of({ ...input, checks });
}

function problemsOf(check: CheckInput, at: string): FieldProblem[] {
  if (typeof check !== 'object' || check === null) return [{ field: at, message: 'must be an object' }];
  try {
    defineCheck(check);
    return [];
  } catch (error) {
    // The catalogue validates values, trusting their JSON shapes (a schema check's columns as an
    // array); a request may hold anything, and a shape the catalogue trips over is the client's mistake.
    if (error instanceof TypeError) return [{ field: at, message: 'has a field of the wrong JSON type' }];
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.errors ?? [{ field: '', message: error.message }];
    return problems.map((problem) => ({ ...problem, field: problem.field ? `${at}.${problem.field}` : at }));
  }
}
