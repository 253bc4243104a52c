import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  CountBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { EitherBreaker } from './either-breaker.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** When a breaker opens and how long it stays open. */
export interface BreakerSettings {
  /** Failures in a row that open it at once: a dead server is caught after a few calls. */
  readonly consecutiveFailures: number;
  /** Share of failed calls among the last `windowCalls` that opens it: a server failing every other call. */
  readonly failureRatio: number;
  readonly windowCalls: number;
  /** Calls the window must hold before its ratio counts. */
  readonly minimumCalls: number;
  /** Time open before one probe call may go through. */
  readonly halfOpenAfterMs: number;
}

export interface OutboundBreakerOptions {
  readonly settings: BreakerSettings;
  /** Which errors are the dependency failing; the others (a 404, a refusal) count as answers. All, when absent. */
  readonly isFailure?: (error: unknown) => boolean;
  readonly changed?: (from: BreakerState, to: BreakerState) => void;
  readonly now?: () => number;
}

/** The breaker refused the call without reaching the dependency. */
export class OutboundCircuitOpen extends Error {
  override readonly name = 'OutboundCircuitOpen';
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

/**
 * One dependency's circuit breaker (cockatiel with an EitherBreaker): it opens after
 * `consecutiveFailures` failures in a row, or when more than `failureRatio` of the last calls failed;
 * once `halfOpenAfterMs` passed it lets one probe through, whose outcome closes or reopens it. Calls
 * made while it is open or while its probe is out are refused at once with OutboundCircuitOpen.
 */
export class OutboundBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private readonly now: () => number;
  private openedAt = 0;

  constructor(private readonly options: OutboundBreakerOptions) {
    const { settings } = options;
    this.now = options.now ?? Date.now;
    this.policy = circuitBreaker(
      handleWhen((error) => options.isFailure?.(error) ?? true),
      {
        halfOpenAfter: settings.halfOpenAfterMs,
        breaker: new EitherBreaker([
          new ConsecutiveBreaker(settings.consecutiveFailures),
          new CountBreaker({
            threshold: settings.failureRatio,
            size: settings.windowCalls,
            minimumNumberOfCalls: Math.min(settings.minimumCalls, settings.windowCalls),
          }),
        ]),
      },
    );
    let last: BreakerState = 'closed';
    this.policy.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = this.now();
      options.changed?.(last, STATES[state]);
      last = STATES[state];
    });
  }

  get state(): BreakerState {
    return STATES[this.policy.state];
  }

  /** False while open and its delay has not passed, or while its probe is out: a call now would be refused. */
  get accepting(): boolean {
    if (this.policy.state === CircuitState.HalfOpen) return false;
    if (this.policy.state === CircuitState.Open) return this.msUntilProbe() === 0;
    return true;
  }

  /** Seconds until the breaker lets a probe through, at least 1: a refusal's Retry-After. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.msUntilProbe() / 1000));
  }

  /** When a call would next be let through: now unless open, else once the half-open delay has passed. */
  get nextAttemptAt(): number {
    return this.policy.state === CircuitState.Open ? this.now() + this.msUntilProbe() : this.now();
  }

  async execute<T>(call: () => Promise<T>): Promise<T> {
    // cockatiel holds calls made while its probe is out until the probe ends; refused at once instead,
    // they can go elsewhere or answer 503 now rather than after a hanging probe's timeout.
    if (this.policy.state === CircuitState.HalfOpen) throw new OutboundCircuitOpen(1);
    try {
      return await this.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new OutboundCircuitOpen(this.retryAfterSeconds);
      throw error;
    }
  }

  private msUntilProbe(): number {
    if (this.policy.state !== CircuitState.Open) return 0;
    return Math.max(0, this.options.settings.halfOpenAfterMs - (this.now() - this.openedAt));
  }
}
