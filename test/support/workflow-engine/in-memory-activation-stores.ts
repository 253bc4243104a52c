import {
  WorkflowSchedules,
  type ScheduleCursor,
  type ScheduleState,
} from '../../../src/contexts/workflow-engine/application/ports/workflow-schedules.js';
import {
  WorkflowTriggers,
  type TriggeringEvent,
  type TriggerSubscription,
} from '../../../src/contexts/workflow-engine/application/ports/workflow-triggers.js';

/** The schedules port in memory: one poller, so claiming is just reading. */
export class InMemoryWorkflowSchedules extends WorkflowSchedules {
  readonly states = new Map<string, ScheduleState>();

  keep(workflowId: string, state: ScheduleState | undefined): Promise<void> {
    const kept = this.states.get(workflowId);
    if (state === undefined) this.states.delete(workflowId);
    else if (kept === undefined || kept.cron !== state.cron || kept.timezone !== state.timezone) {
      this.states.set(workflowId, state);
    } else this.states.set(workflowId, { ...state, lastFiredAt: kept.lastFiredAt, nextFireAt: kept.nextFireAt });
    return Promise.resolve();
  }

  async claimDue(now: Date, limit: number, fire: (due: ScheduleState) => Promise<ScheduleCursor>): Promise<number> {
    const due = [...this.states.values()].filter((state) => state.nextFireAt <= now).slice(0, limit);
    for (const state of due) this.states.set(state.workflowId, { ...state, ...(await fire(state)) });
    return due.length;
  }

  find(workflowId: string): Promise<ScheduleState | undefined> {
    return Promise.resolve(this.states.get(workflowId));
  }
}

/** The trigger index in memory. */
export class InMemoryWorkflowTriggers extends WorkflowTriggers {
  readonly rows = new Map<string, { projectId: string; types: Map<string, Date> }>();

  keep(workflowId: string, projectId: string, eventTypes: readonly string[], now: Date): Promise<void> {
    const before = this.rows.get(workflowId)?.types ?? new Map<string, Date>();
    const types = new Map(eventTypes.map((type) => [type, before.get(type) ?? now]));
    this.rows.set(workflowId, { projectId, types });
    return Promise.resolve();
  }

  subscribedTo(events: readonly TriggeringEvent[]): Promise<TriggerSubscription[][]> {
    const subscribed = events.map(({ type, occurredAt }) =>
      [...this.rows]
        .filter(([, row]) => {
          const since = row.types.get(type);
          return since !== undefined && since <= occurredAt;
        })
        .map(([workflowId, row]) => ({ workflowId, projectId: row.projectId })),
    );
    return Promise.resolve(subscribed);
  }
}
