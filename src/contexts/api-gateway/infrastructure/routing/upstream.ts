import type { ServiceInstance } from '../../domain/service-instance.js';
import type { UpstreamCandidate } from '../../domain/upstream-choice.js';
import type { UpstreamBreaker } from './upstream-breaker.js';

/** A registered instance as the router uses it: its breaker and the answers it owes. */
export class Upstream implements UpstreamCandidate {
  outstanding = 0;

  constructor(
    readonly instance: ServiceInstance,
    readonly breaker: UpstreamBreaker,
  ) {}

  get id(): string {
    return this.instance.id;
  }

  get url(): string {
    return this.instance.url;
  }

  get accepting(): boolean {
    return this.breaker.accepting;
  }
}
