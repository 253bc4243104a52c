import type { JsonValue } from '../../domain/json-value.js';
import type { TriggerSubscription } from '../ports/workflow-triggers.js';

/** An integration event of any context, as the trigger consumer received it. */
export interface TriggeringEventReceived {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: JsonValue;
}

/** Start the runs an event triggers among the workflows subscribed to its type (FindTriggeredWorkflows). */
export interface StartTriggeredRunsCommand {
  readonly event: TriggeringEventReceived;
  readonly subscriptions: readonly TriggerSubscription[];
}

/** The ids of the runs started (or started by an earlier delivery of the event). */
export type TriggeredRunIds = string[];
