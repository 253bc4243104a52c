import type { CatchUp } from '../../domain/definition/definition-document.js';

/** The schedule of a workflow's latest version with where the scheduler stands on it. */
export interface ScheduleState {
  readonly workflowId: string;
  readonly projectId: string;
  readonly cron: string;
  readonly timezone: string;
  readonly catchUp: CatchUp;
  /** The newest slot handled (fired, skipped or dropped by catch-up); nothing at or before it fires. */
  readonly lastFiredAt: Date;
  readonly nextFireAt: Date;
}

export type ScheduleCursor = Pick<ScheduleState, 'lastFiredAt' | 'nextFireAt'>;

/**
 * Port: the schedules the scheduler works from, one per workflow whose latest version has one.
 * PostgreSQL holds them so that any number of processes can poll: a due schedule is claimed by one
 * of them (`FOR UPDATE SKIP LOCKED`) and its cursor moves in the claim's transaction (docs/adr/0206).
 */
export abstract class WorkflowSchedules {
  /**
   * Keeps the schedule of a new latest version (`state` undefined removes it). A changed cron or
   * time zone starts from `state`'s cursor; an unchanged one keeps the cursor it had, so saving a
   * version never fires or skips a slot by itself.
   */
  abstract keep(workflowId: string, state: ScheduleState | undefined): Promise<void>;

  /**
   * Claims up to `limit` schedules due at `now` of workflows not paused (a paused one stays due until
   * it is unpaused), each in a transaction of its own that holds it
   * against other pollers while `fire` runs, and stores the cursor `fire` answers. Answers how many
   * were claimed. `fire` starts runs in transactions of their own: a crash after a start and before
   * the cursor moved fires the slot again, which its idempotency key turns into a no-op.
   */
  abstract claimDue(now: Date, limit: number, fire: (due: ScheduleState) => Promise<ScheduleCursor>): Promise<number>;

  abstract find(workflowId: string): Promise<ScheduleState | undefined>;
}
