import type { EnvReader } from '@libs/platform';
import type { BreakerSettings } from './outbound-breaker.js';

/**
 * A dependency's breaker settings from `<PREFIX>_BREAKER_FAILURES` (in a row, default 5 unless the
 * caller says otherwise), `_FAILURE_PERCENT` (of the last `_WINDOW_CALLS` calls, once that many were
 * made; 50 of 20) and `_HALF_OPEN_MS` (10000), the same four names as PREDICTION_REMOTE_BREAKER_*.
 */
export function readBreakerSettings(read: EnvReader, prefix: string, defaultFailures = 5): BreakerSettings {
  const windowCalls = read.integer(`${prefix}_BREAKER_WINDOW_CALLS`, 20, 2, 10_000);
  return {
    consecutiveFailures: read.integer(`${prefix}_BREAKER_FAILURES`, defaultFailures, 1, 10_000),
    failureRatio: read.integer(`${prefix}_BREAKER_FAILURE_PERCENT`, 50, 1, 99) / 100,
    windowCalls,
    minimumCalls: windowCalls,
    halfOpenAfterMs: read.integer(`${prefix}_BREAKER_HALF_OPEN_MS`, 10_000, 10, 3_600_000),
  };
}
