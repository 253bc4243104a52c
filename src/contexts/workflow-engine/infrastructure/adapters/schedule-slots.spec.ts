import { describe, expect, it } from '@jest/globals';
import { Schedule } from '../../domain/definition/schedule.js';
import { CronParserCalendar } from './cron-parser-calendar.js';

const calendar = new CronParserCalendar();
const iso = (dates: Date[]): string[] => dates.map((date) => date.toISOString());
const paris = (cron: string, catchUp: 'none' | 'latest' | 'all' = 'all'): Schedule =>
  Schedule.from({ cron, timezone: 'Europe/Paris', catchUp });

describe('Schedule slots with cron-parser', () => {
  it('keeps a daily slot at its local time across the spring DST change (a 23-hour day)', () => {
    const slots = paris('0 9 * * *').slotsBetween(
      new Date('2026-03-27T00:00:00Z'),
      new Date('2026-03-30T23:59:59Z'),
      calendar,
      10,
    );
    expect(iso(slots)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('fires a local time that the DST change skips or repeats exactly once that day', () => {
    const spring = paris('30 2 * * *').slotsBetween(
      new Date('2026-03-28T12:00:00Z'),
      new Date('2026-03-29T23:00:00Z'),
      calendar,
      10,
    );
    // 02:30 does not exist on 29 March in Paris: the slot moves to 03:30 CEST.
    expect(iso(spring)).toEqual(['2026-03-29T01:30:00.000Z']);
    const autumn = paris('30 2 * * *').slotsBetween(
      new Date('2026-10-24T12:00:00Z'),
      new Date('2026-10-25T23:00:00Z'),
      calendar,
      10,
    );
    // 02:30 happens twice on 25 October: only the first (CEST) one fires.
    expect(iso(autumn)).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('catches up missed slots across a DST change by policy', () => {
    const lastFired = new Date('2026-03-27T08:00:00Z');
    const now = new Date('2026-03-30T12:00:00Z');
    expect(iso(paris('0 9 * * *', 'all').dueFireTimes(lastFired, now, calendar))).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(iso(paris('0 9 * * *', 'latest').dueFireTimes(lastFired, now, calendar))).toEqual([
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(paris('0 9 * * *', 'none').dueFireTimes(lastFired, now, calendar)).toEqual([]);
    // On time (the only slot since the last one), every policy fires it.
    expect(iso(paris('0 9 * * *', 'none').dueFireTimes(lastFired, new Date('2026-03-28T08:00:01Z'), calendar))).toEqual(
      ['2026-03-28T08:00:00.000Z'],
    );
  });

  it('includes both ends of a backfill range and stops at the limit', () => {
    const hourly = Schedule.from({ cron: '0 * * * *' });
    const from = new Date('2026-01-01T00:00:00Z');
    expect(iso(hourly.slotsBetween(from, new Date('2026-01-01T02:00:00Z'), calendar, 10))).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T01:00:00.000Z',
      '2026-01-01T02:00:00.000Z',
    ]);
    expect(hourly.slotsBetween(from, new Date('2026-02-01T00:00:00Z'), calendar, 5)).toHaveLength(5);
    expect(
      hourly.slotsBetween(new Date('2026-01-01T00:30:00Z'), new Date('2026-01-01T00:59:00Z'), calendar, 5),
    ).toEqual([]);
  });

  it('fires per-second schedules written with six fields', () => {
    const everySecond = Schedule.from({ cron: '* * * * * *', catchUp: 'all' });
    const due = everySecond.dueFireTimes(
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-01T00:00:03.500Z'),
      calendar,
    );
    expect(iso(due)).toEqual(['2026-01-01T00:00:01.000Z', '2026-01-01T00:00:02.000Z', '2026-01-01T00:00:03.000Z']);
  });
});
