import { DomainError } from '@libs/ddd';
import type { RateLimitScope } from './rate-limit-policy.js';

/** A request over one of its budgets: 429, retried after `retryAfterSeconds`. */
export class RateLimited extends DomainError {
  readonly type = 'rate-limited';
  readonly kind = 'rate-limited';

  constructor(
    readonly scope: RateLimitScope,
    readonly retryAfterSeconds: number,
    costExceedsLimit: boolean,
  ) {
    super(
      costExceedsLimit
        ? `This request costs more than the whole ${scope} rate limit; send smaller batches`
        : `The ${scope} rate limit is used up; retry in ${retryAfterSeconds} s`,
    );
  }
}
