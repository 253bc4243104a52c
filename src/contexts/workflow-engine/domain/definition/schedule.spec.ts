import { describe, expect, it } from '@jest/globals';
import { CronCalendar } from './cron-calendar.js';
import { Schedule } from './schedule.js';

const HOUR = 3_600_000;

/** Fires on every whole hour (UTC), whatever the expression says. */
class HourlyCalendar extends CronCalendar {
  problem(): undefined {
    return undefined;
  }
  nextAfter(_cron: string, _timezone: string, after: Date): Date {
    return new Date((Math.floor(after.getTime() / HOUR) + 1) * HOUR);
  }
  latestAtOrBefore(_cron: string, _timezone: string, at: Date): Date {
    return new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  }
}

const calendar = new HourlyCalendar();
const at = (hours: number, minutes = 0): Date => new Date(Date.UTC(2026, 0, 1, hours, minutes));
const scheduled = (catchUp: 'none' | 'latest' | 'all'): Schedule => Schedule.from({ cron: '0 * * * *', catchUp });

describe('Schedule', () => {
  it('fires the one due time under every policy when the scheduler is on time', () => {
    for (const policy of ['none', 'latest', 'all'] as const) {
      expect(scheduled(policy).dueFireTimes(at(5), at(6, 1), calendar)).toEqual([at(6)]);
    }
  });

  it('fires nothing before the next time', () => {
    expect(scheduled('all').dueFireTimes(at(6), at(6, 59), calendar)).toEqual([]);
  });

  it('after an outage drops missed times, fires the latest, or fires all of them oldest first', () => {
    expect(scheduled('none').dueFireTimes(at(2), at(6, 30), calendar)).toEqual([]);
    expect(scheduled('latest').dueFireTimes(at(2), at(6, 30), calendar)).toEqual([at(6)]);
    expect(scheduled('all').dueFireTimes(at(2), at(6, 30), calendar)).toEqual([at(3), at(4), at(5), at(6)]);
  });

  it('bounds catch-up after a long outage to the newest fire times', () => {
    const due = scheduled('all').dueFireTimes(new Date(0), at(6), calendar);
    expect(due).toHaveLength(Schedule.MAX_CATCH_UP);
    expect(due.at(-1)).toEqual(at(6));
  });
});
