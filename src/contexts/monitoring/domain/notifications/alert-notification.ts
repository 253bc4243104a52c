import { newId } from '@libs/ddd';
import type { AttemptOutcome, DeliveryAttempt } from '../webhooks/webhook-delivery.js';
import { progressAfter } from '../webhooks/attempt-progress.js';
import type { RetryPolicy } from '../webhooks/retry-policy.js';
import type { ListedReceiver, Receiver } from './receiver.js';

/** `handed-over`: a webhook receiver's notification, whose attempts are its webhook delivery's. */
export type NotificationStatus = 'pending' | 'delivered' | 'dead' | 'handed-over';

export interface AlertNotificationState {
  readonly id: string;
  readonly projectId: string;
  readonly routeId: string;
  readonly groupKey: string;
  readonly receiver: Receiver;
  /** The message, fixed when recorded: every attempt sends the same. */
  readonly body: string;
  readonly status: NotificationStatus;
  readonly webhookDeliveryId: string | null;
  readonly attempts: readonly DeliveryAttempt[];
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** A notification as its project reads it back: a receiver whose secret cannot be read is listed without it. */
export interface ListedNotification extends Omit<AlertNotificationState, 'receiver'> {
  readonly receiver: ListedReceiver;
}

/**
 * One notification of one group to one receiver, with every attempt: pending until one succeeds,
 * dead after the retry policy's last attempt, as a webhook delivery (docs/adr/0601).
 */
export class AlertNotification {
  private constructor(private state: AlertNotificationState) {}

  static record(input: {
    projectId: string;
    routeId: string;
    groupKey: string;
    receiver: Receiver;
    body: string;
    webhookDeliveryId?: string;
    at: Date;
  }): AlertNotification {
    const handedOver = input.webhookDeliveryId !== undefined;
    return new AlertNotification({
      id: newId(),
      projectId: input.projectId,
      routeId: input.routeId,
      groupKey: input.groupKey,
      receiver: input.receiver,
      body: input.body,
      status: handedOver ? 'handed-over' : 'pending',
      webhookDeliveryId: input.webhookDeliveryId ?? null,
      attempts: [],
      nextAttemptAt: handedOver ? null : input.at,
      createdAt: input.at,
      finishedAt: null,
    });
  }

  static restore(state: AlertNotificationState): AlertNotification {
    return new AlertNotification(state);
  }

  get id(): string {
    return this.state.id;
  }

  get snapshot(): AlertNotificationState {
    return this.state;
  }

  recordAttempt(outcome: AttemptOutcome, policy: RetryPolicy): DeliveryAttempt {
    if (this.state.status !== 'pending') throw new RangeError(`notification ${this.id} is ${this.state.status}`);
    const { attempt, ...progress } = progressAfter(this.state.attempts, outcome, policy, { statusOptional: true });
    this.state = { ...this.state, ...progress };
    return attempt;
  }

  /** Not attempted now (its target's breaker is open): due again at `until`, its attempts as they were. */
  postpone(until: Date): void {
    if (this.state.status !== 'pending') throw new RangeError(`notification ${this.id} is ${this.state.status}`);
    this.state = { ...this.state, nextAttemptAt: until };
  }
}
