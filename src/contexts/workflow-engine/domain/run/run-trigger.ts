import { isJsonObject, type JsonObject, type JsonValue } from '../json-value.js';

/**
 * What started a run, as the run records it: `null` for a start by hand, else a record whose
 * `payload` is what expressions read as `${{ trigger.payload }}`, beside where it came from.
 */
export type RunTrigger = ScheduleTrigger | EventTrigger;

export interface ScheduleTrigger extends JsonObject {
  readonly kind: 'schedule';
  /** The cron slot (ISO-8601 UTC) this run stands for; also its idempotency key. */
  readonly scheduledFor: string;
  readonly backfill: boolean;
  readonly payload: { readonly scheduledFor: string };
}

export interface EventTrigger extends JsonObject {
  readonly kind: 'event';
  readonly type: string;
  readonly id: string;
  readonly occurredAt: string;
  readonly payload: JsonValue;
  /** How many runs in a row events started, this one included (trigger-rules.ts). */
  readonly depth: number;
}

export function scheduleTrigger(slot: Date, backfill = false): ScheduleTrigger {
  const scheduledFor = slot.toISOString();
  return { kind: 'schedule', scheduledFor, backfill, payload: { scheduledFor } };
}

export function eventTrigger(event: {
  id: string;
  type: string;
  occurredAt: string;
  payload: JsonValue;
  depth: number;
}): EventTrigger {
  const { type, id, occurredAt, payload, depth } = event;
  return { kind: 'event', type, id, occurredAt, payload, depth };
}

/** The depth of the event chain that started a run: 0 for a run started by hand or by its schedule. */
export function triggerDepthOfRun(trigger: JsonValue): number {
  return isJsonObject(trigger) && trigger.kind === 'event' && typeof trigger.depth === 'number' ? trigger.depth : 0;
}

/**
 * The idempotency key of a scheduled run: one per slot, shared by the scheduler and backfills so
 * that the two never run one slot twice.
 */
export function scheduleRunKey(slot: Date): string {
  return `schedule:${slot.toISOString()}`;
}

/** The idempotency key of a run an event started: one run per workflow and event. */
export function eventRunKey(eventId: string): string {
  return `event:${eventId}`;
}

/**
 * `trigger` as expressions see it. A recorded trigger is shown as it is (`trigger.kind`,
 * `trigger.payload`, `trigger.scheduledFor`...); a run started by hand has a null payload.
 */
export function triggerScope(trigger: JsonValue): JsonObject {
  return isJsonObject(trigger) && typeof trigger.kind === 'string' ? trigger : { payload: trigger };
}
