import { ConflictError, DomainError, ValidationError, type FieldProblem } from '@libs/ddd';

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

/**
 * The webhook's target failed too often lately and its circuit breaker is open: a test ping now would
 * only wait behind it. Answers 503 with Retry-After, when the breaker lets a probe through.
 */
export class WebhookTargetUnavailable extends DomainError {
  readonly type = 'webhook-target-unavailable';
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds: number) {
    super(`The webhook's server failed too often lately; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * The webhook's signing secret cannot be read (its key is no longer configured): a ping would wait
 * unsent, since nothing is signed without it. Rotating the secret gives the webhook a readable one.
 */
export class WebhookSecretUnreadable extends ConflictError {
  constructor() {
    super(
      "The webhook's signing secret cannot be read by this server (its key is no longer configured); rotate the secret",
      'webhook-secret-unreadable',
    );
  }
}
