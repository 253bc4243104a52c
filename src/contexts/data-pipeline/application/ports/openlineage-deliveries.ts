import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';

/** A queued event claimed for one attempt; `attempts` counts this one. */
export interface DueDelivery {
  readonly seq: number;
  readonly event: OpenLineageRunEvent;
  readonly attempts: number;
}

/** Port: the durable queue of OpenLineage RunEvents on their way to the configured endpoint (docs/adr/0405). */
export abstract class OpenLineageDeliveries {
  /** Queues an event in the caller's transaction; an event of the same run and type already queued is kept as it is. */
  abstract add(event: OpenLineageRunEvent, at: Date): Promise<void>;
  /**
   * Claims up to `limit` due events, only the earliest unsettled one of each run (so a run's events
   * arrive in order), for `leaseMs`: a process that dies with a claim lets it come due again.
   */
  abstract claimDue(limit: number, now: Date, leaseMs: number): Promise<DueDelivery[]>;
  abstract markDelivered(seq: number, at: Date): Promise<void>;
  abstract markRetry(seq: number, error: string, nextAttemptAt: Date): Promise<void>;
  /** Not attempted after all (the endpoint's breaker is open): due again at `until`, its claim not counted. */
  abstract postpone(seq: number, until: Date): Promise<void>;
  /** Given up: the run's later events are sent after it. */
  abstract markFailed(seq: number, error: string, at: Date): Promise<void>;
}
