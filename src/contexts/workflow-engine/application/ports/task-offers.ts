/**
 * Port: wakes long-polling workers when an external task becomes claimable, so a claim answers
 * promptly instead of at the next recheck.
 */
export abstract class TaskOffers {
  abstract announce(): void;
  /**
   * Resolves at the next announcement or after `maxMs`, whichever comes first: true, or false once
   * the process is shutting down and waiting claims should answer now.
   */
  abstract next(maxMs: number): Promise<boolean>;
}
