import cronParser from 'cron-parser';
import { CronCalendar } from '../../domain/definition/cron-calendar.js';

// cron-parser accepts fewer than five fields; a schedule must say every field (or use an @alias).
const FIELD_COUNTS = new Set([5, 6]);

/** Cron arithmetic with cron-parser (the library BullMQ repeats with), time zones through Intl. */
export class CronParserCalendar extends CronCalendar {
  problem(cron: string, timezone: string): string | undefined {
    if (!isTimeZone(timezone)) return `unknown time zone '${timezone}'`;
    const fields = cron.trim().split(/\s+/).length;
    if (!cron.trim().startsWith('@') && !FIELD_COUNTS.has(fields)) {
      return `a cron expression has 5 fields (or 6 with seconds), this one has ${fields}`;
    }
    try {
      cronParser.parseExpression(cron, { tz: timezone }).next();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  nextAfter(cron: string, timezone: string, after: Date): Date {
    return cronParser.parseExpression(cron, { tz: timezone, currentDate: after }).next().toDate();
  }

  latestAtOrBefore(cron: string, timezone: string, at: Date): Date {
    // prev() is strictly before its start, so start one millisecond later to include `at` itself.
    return cronParser
      .parseExpression(cron, { tz: timezone, currentDate: new Date(at.getTime() + 1) })
      .prev()
      .toDate();
  }
}

function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch (_error) {
    return false;
  }
}
