/** Port: cron arithmetic, implemented in infrastructure by a cron library. */
export abstract class CronCalendar {
  /** Why `cron` in `timezone` is unusable, or undefined when it is fine. */
  abstract problem(cron: string, timezone: string): string | undefined;

  /** The first time strictly after `after` at which `cron` fires in `timezone`. */
  abstract nextAfter(cron: string, timezone: string, after: Date): Date;

  /** The last time at or before `at` at which `cron` fires in `timezone`. */
  abstract latestAtOrBefore(cron: string, timezone: string, at: Date): Date;
}
