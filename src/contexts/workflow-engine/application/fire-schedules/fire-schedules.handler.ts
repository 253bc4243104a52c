import { DomainError } from '@libs/ddd';
import { Injectable, Logger } from '@nestjs/common';
import { CronCalendar } from '../../domain/definition/cron-calendar.js';
import { Schedule } from '../../domain/definition/schedule.js';
import { scheduleRunKey, scheduleTrigger } from '../../domain/run/run-trigger.js';
import { Clock } from '../ports/clock.js';
import { WorkflowSchedules, type ScheduleCursor, type ScheduleState } from '../ports/workflow-schedules.js';
import { RunStarter } from '../services/run-starter.js';
import type { FireSchedulesCommand, SchedulesFired } from './fire-schedules.command.js';

const BATCH = 100;

/**
 * One scheduler tick: every schedule due now starts a run per slot its catch-up policy keeps (the
 * latest version, default params, acting for the version's author), keyed `schedule:<slot>` so a
 * slot runs once whoever fires it, then moves its cursor past now.
 */
@Injectable()
export class FireSchedulesHandler {
  private readonly logger = new Logger(FireSchedulesHandler.name);

  constructor(
    private readonly schedules: WorkflowSchedules,
    private readonly calendar: CronCalendar,
    private readonly starter: RunStarter,
    private readonly clock: Clock,
  ) {}

  async execute(_command: FireSchedulesCommand): Promise<SchedulesFired> {
    let fired = 0;
    for (;;) {
      const claimed = await this.schedules.claimDue(this.clock.now(), BATCH, (due) => this.fire(due));
      fired += claimed;
      if (claimed < BATCH) return fired;
    }
  }

  private async fire(due: ScheduleState): Promise<ScheduleCursor> {
    const schedule = Schedule.from({ cron: due.cron, timezone: due.timezone, catchUp: due.catchUp });
    const now = this.clock.now();
    for (const slot of schedule.dueFireTimes(due.lastFiredAt, now, this.calendar)) {
      await this.start(due.workflowId, slot);
    }
    const latest = this.calendar.latestAtOrBefore(due.cron, due.timezone, now);
    return {
      lastFiredAt: latest > due.lastFiredAt ? latest : due.lastFiredAt,
      nextFireAt: this.calendar.nextAfter(due.cron, due.timezone, now),
    };
  }

  private async start(workflowId: string, slot: Date): Promise<void> {
    const idempotencyKey = scheduleRunKey(slot);
    try {
      await this.starter.start({ workflowId, params: {}, idempotencyKey, trigger: scheduleTrigger(slot) });
    } catch (error) {
      // A refusal (params the defaults do not satisfy, the concurrency policy skipping) is this slot's
      // outcome; anything else (the database) rolls the claim back and the slot fires again.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`scheduled run of ${workflowId} for ${slot.toISOString()} not started: ${error.message}`);
    }
  }
}
