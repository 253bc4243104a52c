import { newId } from '@libs/ddd';
import { progressAfter, type AttemptOutcome, type DeliveryAttempt } from './attempt-progress.js';
import type { RetryPolicy } from './retry-policy.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export type { AttemptOutcome, DeliveryAttempt, PostponedSend } from './attempt-progress.js';
export { isPostponed } from './attempt-progress.js';

export interface WebhookDeliveryState {
  readonly id: string;
  readonly subscriptionId: string;
  readonly projectId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The JSON sent, fixed when recorded: every attempt sends the same bytes. */
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface NewWebhookDelivery {
  readonly subscriptionId: string;
  readonly projectId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
  readonly at: Date;
}

/**
 * One event on its way to one subscription: pending until an attempt is answered 2xx (delivered),
 * or until the retry policy's last attempt failed (dead). Its id is the same on every attempt, so
 * receivers can tell a retry from a new event.
 */
export class WebhookDelivery {
  private constructor(private state: WebhookDeliveryState) {}

  static record(input: NewWebhookDelivery): WebhookDelivery {
    return new WebhookDelivery({
      id: newId(),
      ...input,
      status: 'pending',
      attempts: [],
      nextAttemptAt: input.at,
      createdAt: input.at,
      finishedAt: null,
    });
  }

  static restore(state: WebhookDeliveryState): WebhookDelivery {
    return new WebhookDelivery(state);
  }

  get id(): string {
    return this.state.id;
  }

  get snapshot(): WebhookDeliveryState {
    return this.state;
  }

  /** Records the next attempt and decides what follows it: done, another attempt later, or dead. */
  recordAttempt(outcome: AttemptOutcome, policy: RetryPolicy): DeliveryAttempt {
    if (this.state.status !== 'pending') throw new RangeError(`delivery ${this.id} is ${this.state.status}`);
    const { attempt, ...progress } = progressAfter(this.state.attempts, outcome, policy);
    this.state = { ...this.state, ...progress };
    return attempt;
  }

  /** Not attempted now (its target's breaker is open): due again at `until`, its attempts as they were. */
  postpone(until: Date): void {
    if (this.state.status !== 'pending') throw new RangeError(`delivery ${this.id} is ${this.state.status}`);
    this.state = { ...this.state, nextAttemptAt: until };
  }
}
