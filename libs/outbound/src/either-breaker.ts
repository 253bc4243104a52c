import type { CircuitState, IBreaker } from 'cockatiel';

/**
 * Opens when any of cockatiel's breakers it holds would: consecutive failures catch a dead server
 * after a few calls, a failure ratio over recent calls catches one that fails every other call.
 */
export class EitherBreaker implements IBreaker {
  constructor(private readonly breakers: readonly IBreaker[]) {}

  get state(): unknown {
    return this.breakers.map((breaker) => breaker.state);
  }

  set state(value: unknown) {
    (value as unknown[]).forEach((state, index) => (this.breakers[index].state = state));
  }

  success(state: CircuitState): void {
    for (const breaker of this.breakers) breaker.success(state);
  }

  failure(state: CircuitState): boolean {
    // Every breaker hears every failure, so none is left behind once one opens.
    return this.breakers.map((breaker) => breaker.failure(state)).some(Boolean);
  }
}
