import { OutboundCircuitOpen, type OutboundBreaker } from '@libs/outbound';
import type { AttemptOutcome, PostponedSend } from '../../domain/webhooks/webhook-delivery.js';

/** An attempt that failed, thrown only inside the breaker so it counts against the target. */
class FailedAttempt extends Error {
  constructor(readonly outcome: AttemptOutcome) {
    super('the attempt failed');
  }
}

/**
 * Makes one attempt through `breaker`, which an attempt that `failed` counts against; answers the
 * attempt's outcome, or when to try again if the breaker refused to make it.
 */
export async function attemptThrough(
  breaker: OutboundBreaker,
  failed: (outcome: AttemptOutcome) => boolean,
  send: () => Promise<AttemptOutcome>,
): Promise<AttemptOutcome | PostponedSend> {
  try {
    return await breaker.execute(async () => {
      const outcome = await send();
      if (failed(outcome)) throw new FailedAttempt(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof FailedAttempt) return error.outcome;
    if (error instanceof OutboundCircuitOpen) return { postponedUntil: new Date(breaker.nextAttemptAt) };
    throw error;
  }
}
