/** An external task run as its lease row names it: the run, the task run and the attempt offered. */
export interface ExternalTaskRef {
  readonly id: string;
  readonly runId: string;
  readonly key: string;
  readonly attempt: number;
}

/** A row just leased to a worker (perhaps taken from one whose lease ran out). */
export interface Reservation extends ExternalTaskRef {
  readonly leaseToken: string;
  readonly leasedUntil: Date;
}

export interface LeaseRequest {
  readonly projectId: string;
  readonly queue: string;
  readonly workerId: string;
  readonly leaseSeconds: number;
}

/**
 * Port: the leases of external task runs. Time is the store's own clock, so every instance agrees
 * on when a lease ran out.
 */
export abstract class ExternalTaskLeases {
  /** Leases the oldest available task of the queue (offered, or with an expired lease), skipping locked rows. */
  abstract reserve(request: LeaseRequest): Promise<Reservation | undefined>;
  /** Records under the lease the attempt the worker runs, after a takeover moved the task to a new one. */
  abstract moveToAttempt(id: string, leaseToken: string, attempt: number): Promise<void>;
  /** The task the lease holds; throws NotFoundError for an unknown id, LeaseLost for an expired or superseded lease. */
  abstract held(id: string, leaseToken: string): Promise<ExternalTaskRef>;
  /** Pushes the lease's end out by its length; throws LeaseLost when it already ended. */
  abstract extend(id: string, leaseToken: string): Promise<Date>;
  /** Takes the row's attempt out of circulation once it was reported (or found stale). */
  abstract settle(id: string, attempt: number): Promise<void>;
}
