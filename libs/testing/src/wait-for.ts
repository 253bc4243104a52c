import { scaled, TEST_TIME_SCALE } from './time-scale.js';

/**
 * Polls until `condition` holds or the deadline passes: tests never sleep for fixed times.
 * `timeoutMs` is on a quiet machine's scale; the wait scales it by TEST_TIME_SCALE.
 */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 20_000, intervalMs = 25, what = 'condition' } = {},
): Promise<T> {
  const limitMs = scaled(timeoutMs);
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${limitMs} ms${scaleNote()} waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function scaleNote(): string {
  return TEST_TIME_SCALE === 1 ? '' : ` (TEST_TIME_SCALE ${TEST_TIME_SCALE})`;
}
