import type { DefinitionDocument } from './definition-document.js';

type Policy = NonNullable<DefinitionDocument['concurrency']>['policy'];

/** What to do with a new run of a workflow, given how many of its runs are active. */
export type Admission = 'start' | 'queue' | 'skip' | 'cancel-running';

/** How many runs of one workflow may be active at once, and what happens to the one over the limit. */
export class ConcurrencyPolicy {
  static readonly UNLIMITED = new ConcurrencyPolicy(Number.POSITIVE_INFINITY, 'queue');

  private constructor(
    readonly limit: number,
    readonly policy: Policy,
  ) {}

  static from(document: DefinitionDocument['concurrency']): ConcurrencyPolicy {
    return document === undefined
      ? ConcurrencyPolicy.UNLIMITED
      : new ConcurrencyPolicy(document.limit, document.policy);
  }

  get isUnlimited(): boolean {
    return this.limit === Number.POSITIVE_INFINITY;
  }

  /** `queue` waits for a slot, `skip` drops the new run, `cancel-running` makes room by cancelling the oldest. */
  admit(activeRuns: number): Admission {
    return activeRuns < this.limit ? 'start' : this.policy;
  }
}
