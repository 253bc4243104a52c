import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  CountBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { EitherBreaker } from '@libs/outbound';
import type { GatewaySettings } from '../gateway-settings.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

const STATES: Readonly<Record<CircuitState, BreakerState>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

/** The breaker refused the call without reaching the instance. */
export class UpstreamCircuitOpen extends Error {
  override readonly name = 'UpstreamCircuitOpen';
  constructor(readonly retryAfterSeconds: number) {
    super('the circuit is open');
  }
}

/**
 * One upstream instance's circuit breaker (cockatiel): it opens when more than the failure ratio
 * of the last calls failed (once enough calls were made), or after as many consecutive failures as
 * that minimum, which catches a dead instance at once. Once GATEWAY_BREAKER_HALF_OPEN_MS passed, it
 * lets one probe through (the calls made meanwhile are refused) whose
 * outcome closes or reopens it.
 */
export class UpstreamBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(
    private readonly settings: GatewaySettings,
    changed: (from: BreakerState, to: BreakerState) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.policy = circuitBreaker(handleAll, {
      halfOpenAfter: settings.breakerHalfOpenAfterMs,
      breaker: new EitherBreaker([
        new ConsecutiveBreaker(settings.breakerMinimumCalls),
        new CountBreaker({
          threshold: settings.breakerFailureRatio,
          size: settings.breakerWindowCalls,
          minimumNumberOfCalls: Math.min(settings.breakerMinimumCalls, settings.breakerWindowCalls),
        }),
      ]),
    });
    let last: BreakerState = 'closed';
    this.policy.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = this.now();
      changed(last, STATES[state]);
      last = STATES[state];
    });
  }

  get state(): BreakerState {
    return STATES[this.policy.state];
  }

  /** False while open and its delay has not passed, or while its probe is out: a call now would be refused. */
  get accepting(): boolean {
    if (this.policy.state === CircuitState.HalfOpen) return false;
    if (this.policy.state === CircuitState.Open)
      return this.now() - this.openedAt >= this.settings.breakerHalfOpenAfterMs;
    return true;
  }

  /** Seconds until the breaker lets a probe through, at least 1: the answer's Retry-After. */
  get retryAfterSeconds(): number {
    const left = this.settings.breakerHalfOpenAfterMs - (this.now() - this.openedAt);
    return Math.max(1, Math.ceil(left / 1000));
  }

  /** Runs `call` through the breaker; whatever it throws counts as a failure of the instance. */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    // cockatiel holds calls made while its probe is out until the probe ends; refused at once instead,
    // they can go to another instance, or answer 503 now rather than after a hanging probe's timeout.
    if (this.policy.state === CircuitState.HalfOpen) throw new UpstreamCircuitOpen(1);
    try {
      return await this.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new UpstreamCircuitOpen(this.retryAfterSeconds);
      throw error;
    }
  }
}
