/** How many times a refresh the API could not answer is tried before the session is given up. */
export const REFRESH_TRIES = 5;

const FIRST_DELAY_MS = 500;
const LONGEST_DELAY_MS = 8000;

/**
 * What a failed refresh means: `ended` when the API refused the cookie (the session is over, or
 * never was), `retry` when it could not answer (a 5xx while Redis or PostgreSQL is slow, a 429,
 * the network): the cookie may still hold a session, and dropping it then signed people out of a
 * console whose API only hiccupped. `status` is undefined when no answer came at all.
 */
export function refreshFailure(status: number | undefined): 'ended' | 'retry' {
  if (status === undefined || status === 429 || status >= 500) return 'retry';
  return 'ended';
}

/**
 * The wait before try `tries + 1`: the API's Retry-After when it gave one (seconds), else doubling
 * from half a second, never more than eight.
 */
export function refreshRetryDelayMs(tries: number, retryAfter: string | null | undefined): number {
  const seconds = Number(retryAfter);
  if (retryAfter && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, LONGEST_DELAY_MS);
  return Math.min(FIRST_DELAY_MS * 2 ** (tries - 1), LONGEST_DELAY_MS);
}
