/** A workflow whose latest version has a trigger on an event type. */
export interface TriggerSubscription {
  readonly workflowId: string;
  readonly projectId: string;
}

/** What the index needs of an event: its type and when it occurred. */
export interface TriggeringEvent {
  readonly type: string;
  readonly occurredAt: Date;
}

/**
 * Port: an index of the event types the latest version of each workflow triggers on, kept when a
 * version is saved, so an event finds its workflows without reading every definition.
 */
export abstract class WorkflowTriggers {
  /**
   * Replaces the workflow's event types with `eventTypes`. A type it already had keeps the time it
   * was subscribed since; a new one is subscribed from `now`.
   */
  abstract keep(workflowId: string, projectId: string, eventTypes: readonly string[], now: Date): Promise<void>;

  /**
   * For each event, in order, the workflows subscribed to its type since it occurred or earlier: an
   * event older than the trigger (still in the stream when the consumer group was made) starts
   * nothing, and neither does an event handled while its workflow is paused. One lookup for a
   * consumer's whole batch.
   */
  abstract subscribedTo(events: readonly TriggeringEvent[]): Promise<TriggerSubscription[][]>;
}
