import type { CatchUp, DefinitionDocument } from './definition-document.js';
import type { CronCalendar } from './cron-calendar.js';

/** Runs started by time. `catchUp` says what happens to fire times missed while the engine was down. */
export class Schedule {
  /** Bounds `catchUp: all` after a long outage: the oldest missed fire times beyond it are dropped. */
  static readonly MAX_CATCH_UP = 100;
  /** Bounds one backfill request: each slot is a run started within the request. */
  static readonly MAX_BACKFILL = 500;

  private constructor(
    readonly cron: string,
    readonly timezone: string,
    readonly catchUp: CatchUp,
  ) {}

  static from(document: NonNullable<DefinitionDocument['schedule']>): Schedule {
    return new Schedule(document.cron, document.timezone ?? 'UTC', document.catchUp ?? 'none');
  }

  /**
   * The fire times to start runs for, given the last one handled and now, oldest first. With one due
   * time the scheduler is on time and every policy fires it. With several, the engine was away:
   * `none` fires none of them, `latest` the most recent, `all` each one (the newest MAX_CATCH_UP).
   * Walking back from now keeps the work bounded however long the outage was.
   */
  dueFireTimes(lastFiredAt: Date, now: Date, calendar: CronCalendar): Date[] {
    const latest = calendar.latestAtOrBefore(this.cron, this.timezone, now);
    if (latest.getTime() <= lastFiredAt.getTime()) return [];
    const onTime = calendar.nextAfter(this.cron, this.timezone, lastFiredAt).getTime() === latest.getTime();
    if (onTime || this.catchUp === 'latest') return [latest];
    if (this.catchUp === 'none') return [];
    const due = [latest];
    while (due.length < Schedule.MAX_CATCH_UP) {
      const earlier = calendar.latestAtOrBefore(this.cron, this.timezone, new Date(due[0].getTime() - 1));
      if (earlier.getTime() <= lastFiredAt.getTime()) break;
      due.unshift(earlier);
    }
    return due;
  }

  /** The fire times from `from` to `to`, both included, oldest first; stops after `limit` of them. */
  slotsBetween(from: Date, to: Date, calendar: CronCalendar, limit: number): Date[] {
    const slots: Date[] = [];
    let slot = calendar.nextAfter(this.cron, this.timezone, new Date(from.getTime() - 1));
    while (slot.getTime() <= to.getTime() && slots.length < limit) {
      slots.push(slot);
      slot = calendar.nextAfter(this.cron, this.timezone, slot);
    }
    return slots;
  }
}
