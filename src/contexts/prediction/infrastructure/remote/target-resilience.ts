import {
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import type { RemoteRuntimeSettings } from '../config/remote-runtime-settings.js';
import { OutboundBreaker, OutboundCircuitOpen, RetryBudget, type BreakerState } from '@libs/outbound';
import { TransientRemoteFailure } from './remote-call-failures.js';

export type { BreakerState };

/** What a target's resilience reports, for the metrics. */
export interface ResilienceObserver {
  retried(): void;
  breakerChanged(state: BreakerState): void;
}

/** The breaker is open: the call was refused without reaching the server. */
export { OutboundCircuitOpen as CircuitOpen };

// A timeout is the server not answering: a failure like any transient one.
const transient = (error: unknown) => error instanceof TransientRemoteFailure || error instanceof TaskCancelledError;

/**
 * One remote target's calls: each attempt gets a timeout (cockatiel) and passes the target's
 * OutboundBreaker (consecutive failed attempts, or a failure ratio over the last calls, open it; after
 * a delay one trial call may close it, the calls made meanwhile are refused), and failed attempts are
 * retried with exponential backoff while the retry budget allows (inference is idempotent). An open
 * breaker answers CircuitOpen at once, without calling the server, and is not retried.
 */
export class TargetResilience {
  private readonly budget: RetryBudget;
  private readonly breaker: OutboundBreaker;
  private readonly retries: RetryPolicy;
  private readonly timeout: TimeoutPolicy;

  constructor(
    private readonly settings: RemoteRuntimeSettings,
    observer: ResilienceObserver,
    now: () => number = Date.now,
  ) {
    this.budget = new RetryBudget(
      {
        ratio: settings.retryBudgetRatio,
        minimum: settings.retryBudgetMinimum,
        windowMs: settings.retryBudgetWindowMs,
      },
      now,
    );
    this.breaker = new OutboundBreaker({
      settings: {
        consecutiveFailures: settings.breakerFailures,
        failureRatio: settings.breakerFailureRatio,
        windowCalls: settings.breakerWindowCalls,
        minimumCalls: settings.breakerWindowCalls,
        halfOpenAfterMs: settings.breakerHalfOpenAfterMs,
      },
      isFailure: transient,
      changed: (_from, to) => observer.breakerChanged(to),
      now,
    });
    this.retries = retry(
      handleWhen((error) => transient(error) && this.budget.allowsRetry()),
      {
        maxAttempts: settings.maxRetries,
        backoff: new ExponentialBackoff({
          initialDelay: settings.retryInitialBackoffMs,
          maxDelay: settings.retryMaxBackoffMs,
        }),
      },
    );
    this.retries.onRetry(() => {
      this.budget.recordRetry();
      observer.retried();
    });
    this.timeout = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
  }

  get state(): BreakerState {
    return this.breaker.state;
  }

  /** False while the breaker is open and its delay has not passed, or its trial call is out. */
  get accepting(): boolean {
    return this.breaker.accepting;
  }

  async execute<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.budget.recordCall();
    try {
      return await this.retries.execute(() => this.breaker.execute(() => this.attemptInTime(attempt)));
    } catch (error) {
      if (error instanceof TaskCancelledError) throw this.timedOut();
      throw error;
    }
  }

  private attemptInTime<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.timeout.execute(({ signal }) =>
      attempt(signal).catch((error: unknown) => {
        // The timeout aborted the attempt: say so, whatever the aborted request threw.
        if (signal.aborted) throw this.timedOut();
        throw error;
      }),
    );
  }

  private timedOut(): TransientRemoteFailure {
    return new TransientRemoteFailure(`no answer within ${this.settings.timeoutMs} ms`);
  }
}
