import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  CountBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { RemoteRuntimeSettings } from '../config/remote-runtime-settings.js';
import { EitherBreaker, RetryBudget } from '@libs/outbound';
import { TransientRemoteFailure } from './remote-call-failures.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** What a target's resilience reports, for the metrics. */
export interface ResilienceObserver {
  retried(): void;
  breakerChanged(state: BreakerState): void;
}

/** The breaker is open: the call was refused without reaching the server. */
export class CircuitOpen extends Error {
  override readonly name = 'CircuitOpen';
  constructor(readonly retryAfterSeconds: number) {
    super('the circuit is open');
  }
}

const STATES: Readonly<Record<CircuitState, BreakerState>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

// A timeout is the server not answering: a failure like any transient one.
const transient = (error: Error) => error instanceof TransientRemoteFailure || error instanceof TaskCancelledError;

/**
 * One remote target's calls through cockatiel: each attempt gets a timeout and passes the breaker
 * (consecutive failed attempts, or a failure ratio over the last calls, open it; after a delay one
 * trial call may close it), and failed
 * attempts are retried with exponential backoff while the retry budget allows (inference is
 * idempotent). An open breaker answers CircuitOpen at once, without calling the server.
 */
export class TargetResilience {
  private readonly budget: RetryBudget;
  private readonly breaker;
  private readonly policy: IPolicy;
  private openedAt = 0;

  constructor(
    private readonly settings: RemoteRuntimeSettings,
    observer: ResilienceObserver,
    private readonly now: () => number = Date.now,
  ) {
    this.budget = new RetryBudget(
      {
        ratio: settings.retryBudgetRatio,
        minimum: settings.retryBudgetMinimum,
        windowMs: settings.retryBudgetWindowMs,
      },
      now,
    );
    this.breaker = circuitBreaker(handleWhen(transient), {
      halfOpenAfter: settings.breakerHalfOpenAfterMs,
      breaker: new EitherBreaker([
        new ConsecutiveBreaker(settings.breakerFailures),
        new CountBreaker({
          threshold: settings.breakerFailureRatio,
          size: settings.breakerWindowCalls,
          minimumNumberOfCalls: settings.breakerWindowCalls,
        }),
      ]),
    });
    this.breaker.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = this.now();
      observer.breakerChanged(STATES[state]);
    });
    const retries = retry(
      handleWhen((error) => transient(error) && this.budget.allowsRetry()),
      {
        maxAttempts: settings.maxRetries,
        backoff: new ExponentialBackoff({
          initialDelay: settings.retryInitialBackoffMs,
          maxDelay: settings.retryMaxBackoffMs,
        }),
      },
    );
    retries.onRetry(() => {
      this.budget.recordRetry();
      observer.retried();
    });
    this.policy = wrap(retries, this.breaker, timeout(settings.timeoutMs, TimeoutStrategy.Aggressive));
  }

  get state(): BreakerState {
    return STATES[this.breaker.state];
  }

  /** False while the breaker is open and its delay has not passed: a call now would be refused. */
  get accepting(): boolean {
    return (
      this.breaker.state !== CircuitState.Open || this.now() - this.openedAt >= this.settings.breakerHalfOpenAfterMs
    );
  }

  async execute<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.budget.recordCall();
    try {
      return await this.policy.execute(({ signal }) =>
        attempt(signal).catch((error: unknown) => {
          // The timeout aborted the attempt: say so, whatever the aborted request threw.
          if (signal.aborted) throw this.timedOut();
          throw error;
        }),
      );
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpen(this.retryAfterSeconds());
      if (error instanceof TaskCancelledError) throw this.timedOut();
      throw error;
    }
  }

  private timedOut(): TransientRemoteFailure {
    return new TransientRemoteFailure(`no answer within ${this.settings.timeoutMs} ms`);
  }

  private retryAfterSeconds(): number {
    const left = this.settings.breakerHalfOpenAfterMs - (this.now() - this.openedAt);
    return Math.max(1, Math.ceil(left / 1000));
  }
}
