import { ValidationError, type FieldProblem } from '@libs/ddd';

/** A rule's expression, timings, labels or annotations break a rule: each problem names its field. */
export class AlertRuleInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(
      `The alert rule is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      problems,
      'alert-rule-invalid',
    );
  }
}

/** A silence's matchers or time window break a rule. */
export class SilenceInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(
      `The silence is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      problems,
      'silence-invalid',
    );
  }
}
