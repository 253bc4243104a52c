import { EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

/** How remote runtimes (sagemaker, v2-remote) are called: one set for every remote target. */
export interface RemoteRuntimeSettings {
  /** One attempt's limit; a retry gets a fresh one. */
  readonly timeoutMs: number;
  /** Retries after a failed attempt (inference is idempotent), within the retry budget. */
  readonly maxRetries: number;
  readonly retryInitialBackoffMs: number;
  readonly retryMaxBackoffMs: number;
  /** Retries a target may add over its window, as a share of its calls: 0.1 is 10% extra calls. */
  readonly retryBudgetRatio: number;
  /** Retries a target may always make in a window, so a quiet target can still retry at all. */
  readonly retryBudgetMinimum: number;
  readonly retryBudgetWindowMs: number;
  /** Consecutive failed attempts that open a target's breaker. */
  readonly breakerFailures: number;
  /** More than this share of failed attempts among the last `breakerWindowCalls` opens the breaker too. */
  readonly breakerFailureRatio: number;
  readonly breakerWindowCalls: number;
  /** How long an open breaker refuses before it lets one trial call through. */
  readonly breakerHalfOpenAfterMs: number;
  readonly maxResponseBytes: number;
  /** Where the SageMaker client sends InvokeEndpoint instead of AWS's regional endpoint (tests, local emulators). */
  readonly sageMakerEndpointUrl?: string;
}

/** PREDICTION_REMOTE_* and SAGEMAKER_ENDPOINT_URL, checked at boot; each failure names its variable. */
export function readRemoteRuntimeSettings(env: Env): RemoteRuntimeSettings {
  const read = new EnvReader(env);
  return {
    timeoutMs: read.integer('PREDICTION_REMOTE_TIMEOUT_MS', 5_000, 1, 600_000),
    maxRetries: read.integer('PREDICTION_REMOTE_MAX_RETRIES', 2, 0, 10),
    retryInitialBackoffMs: read.integer('PREDICTION_REMOTE_RETRY_BACKOFF_MS', 50, 1, 60_000),
    retryMaxBackoffMs: read.integer('PREDICTION_REMOTE_RETRY_MAX_BACKOFF_MS', 1_000, 1, 600_000),
    retryBudgetRatio: read.integer('PREDICTION_REMOTE_RETRY_BUDGET_PERCENT', 10, 0, 100) / 100,
    retryBudgetMinimum: read.integer('PREDICTION_REMOTE_RETRY_BUDGET_MIN', 3, 0, 10_000),
    retryBudgetWindowMs: 10_000,
    breakerFailures: read.integer('PREDICTION_REMOTE_BREAKER_FAILURES', 5, 1, 10_000),
    breakerFailureRatio: read.integer('PREDICTION_REMOTE_BREAKER_FAILURE_PERCENT', 50, 1, 99) / 100,
    breakerWindowCalls: read.integer('PREDICTION_REMOTE_BREAKER_WINDOW_CALLS', 20, 2, 10_000),
    breakerHalfOpenAfterMs: read.integer('PREDICTION_REMOTE_BREAKER_HALF_OPEN_MS', 10_000, 10, 3_600_000),
    maxResponseBytes: read.integer('PREDICTION_REMOTE_MAX_RESPONSE_MB', 16, 1, 1024) * 1024 * 1024,
    ...(env.SAGEMAKER_ENDPOINT_URL?.trim() && {
      sageMakerEndpointUrl: read.url('SAGEMAKER_ENDPOINT_URL', ['http:', 'https:']),
    }),
  };
}
