/**
 * How many times slower than a quiet machine this one may be (TEST_TIME_SCALE, default 1): every
 * deadline in the tests goes through `scaled`, so a busy CI runner raises them all in one place.
 * A deadline only bounds how long a failing test takes; a passing test never waits for it.
 * Kept free of imports: jest.config.js loads this file as it is, outside Jest's module mapper.
 */
export const TEST_TIME_SCALE = timeScaleOf(process.env.TEST_TIME_SCALE);

/** `ms` on this machine's time scale. */
export function scaled(ms: number): number {
  return Math.round(ms * TEST_TIME_SCALE);
}

/** TEST_TIME_SCALE read: unset or empty is 1; anything but a positive number stops the run. */
export function timeScaleOf(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`TEST_TIME_SCALE must be a positive number, not "${value}"`);
  return scale;
}
