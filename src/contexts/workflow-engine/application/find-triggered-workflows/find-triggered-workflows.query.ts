import type { TriggeringEvent, TriggerSubscription } from '../ports/workflow-triggers.js';

export type { TriggeringEvent, TriggerSubscription } from '../ports/workflow-triggers.js';

/** The workflows each of a batch of events may trigger, in the events' order. */
export interface FindTriggeredWorkflowsQuery {
  readonly events: readonly TriggeringEvent[];
}

/** For each event of the query, the workflows subscribed to its type. */
export type TriggeredWorkflows = TriggerSubscription[][];
