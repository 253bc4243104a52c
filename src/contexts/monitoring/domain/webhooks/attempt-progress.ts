import type { RetryPolicy } from './retry-policy.js';

/** One HTTP request of a delivery: the receiver's status code, or the error that stopped it. */
export interface DeliveryAttempt {
  readonly number: number;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** What an attempt came to; `permanent` when no retry can change it (the URL is refused by policy). */
export interface AttemptOutcome {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly statusCode?: number;
  readonly error?: string;
  readonly permanent?: boolean;
}

/**
 * The send was not made: the target's circuit breaker is open until `until`. No attempt is recorded
 * and none is spent (docs/adr/0601): the message is due again when a probe may go through.
 */
export interface PostponedSend {
  readonly postponedUntil: Date;
}

export const isPostponed = (outcome: AttemptOutcome | PostponedSend): outcome is PostponedSend =>
  'postponedUntil' in outcome;

/** Where a pending message stands after one more attempt: delivered, dead, or pending until `nextAttemptAt`. */
export interface AttemptProgress {
  readonly attempt: DeliveryAttempt;
  readonly attempts: readonly DeliveryAttempt[];
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly nextAttemptAt: Date | null;
  readonly finishedAt: Date | null;
}

/**
 * The retry rule webhook deliveries and alert notifications share: an answered attempt (2xx; or, with
 * `statusOptional`, none at all, as an email handed to SMTP has) delivers; a permanent failure or
 * the policy's last attempt is dead; anything else waits the policy's backoff.
 */
export function progressAfter(
  earlier: readonly DeliveryAttempt[],
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  { statusOptional = false } = {},
): AttemptProgress {
  const attempt: DeliveryAttempt = {
    number: earlier.length + 1,
    startedAt: outcome.startedAt,
    durationMs: Math.max(0, Math.round(outcome.durationMs)),
    statusCode: outcome.statusCode ?? null,
    error: outcome.error ?? null,
  };
  const attempts = [...earlier, attempt];
  const finishedAt = new Date(outcome.startedAt.getTime() + attempt.durationMs);
  const answered = attempt.statusCode === null ? statusOptional : attempt.statusCode >= 200 && attempt.statusCode < 300;
  if (attempt.error === null && answered)
    return { attempt, attempts, status: 'delivered', nextAttemptAt: null, finishedAt };
  if (outcome.permanent === true || attempt.number >= policy.maxAttempts)
    return { attempt, attempts, status: 'dead', nextAttemptAt: null, finishedAt };
  const nextAttemptAt = new Date(finishedAt.getTime() + policy.backoffAfter(attempt.number));
  return { attempt, attempts, status: 'pending', nextAttemptAt, finishedAt: null };
}
