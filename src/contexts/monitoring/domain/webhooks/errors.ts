import { ValidationError, type FieldProblem } from '@libs/ddd';

/** A subscription's URL, event types or description break a rule: each problem names its field. */
export class WebhookSubscriptionInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(
      `The webhook is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      problems,
      'webhook-invalid',
    );
  }
}
