import { describe, expect, it } from '@jest/globals';
import { CronParserCalendar } from './cron-parser-calendar.js';

const calendar = new CronParserCalendar();

describe('CronParserCalendar', () => {
  it('finds the next and the latest fire time in a time zone', () => {
    const at = new Date('2026-03-10T12:00:00Z');
    expect(calendar.nextAfter('0 3 * * *', 'Europe/Paris', at).toISOString()).toBe('2026-03-11T02:00:00.000Z');
    expect(calendar.latestAtOrBefore('0 3 * * *', 'Europe/Paris', at).toISOString()).toBe('2026-03-10T02:00:00.000Z');
    const onTheHour = new Date('2026-03-10T12:00:00Z');
    expect(calendar.latestAtOrBefore('0 * * * *', 'UTC', onTheHour)).toEqual(onTheHour);
  });

  it('explains what is wrong with a schedule', () => {
    expect(calendar.problem('*/15 * * * *', 'UTC')).toBeUndefined();
    expect(calendar.problem('@daily', 'UTC')).toBeUndefined();
    expect(calendar.problem('61 * * * *', 'UTC')).toMatch(/61/);
    expect(calendar.problem('* * * *', 'UTC')).toMatch(/5 fields/);
    expect(calendar.problem('0 1 * * *', 'Nowhere/City')).toMatch(/time zone/);
  });
});
