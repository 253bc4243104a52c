import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';

/** How OpenLineage forwarding is configured (OPENLINEAGE_*); off when no endpoint is. */
export abstract class OpenLineageSettings {
  abstract readonly enabled: boolean;
  /** Attempts before an event is given up. */
  abstract readonly maxAttempts: number;
  /** The wait after a first failed attempt; it doubles with each further one. */
  abstract readonly retryBaseMs: number;
  abstract readonly pollIntervalMs: number;
  /** How long a claimed event waits for its attempt before another process may take it. */
  abstract readonly leaseMs: number;
}

/**
 * The endpoint's circuit breaker is open: the event was not sent, so this was no attempt. It may
 * be tried again from `retryAt`, when the breaker lets a probe through (docs/adr/0405).
 */
export class OpenLineageEndpointUnavailable extends Error {
  override readonly name = 'OpenLineageEndpointUnavailable';
  constructor(readonly retryAt: Date) {
    super('the OpenLineage endpoint’s circuit breaker is open');
  }
}

/** Port: the configured OpenLineage endpoint (an HTTP API such as Marquez's `/api/v1/lineage`). */
export abstract class OpenLineageEndpoint {
  /**
   * POSTs one event; throws with a reason to record when it cannot be reached or answers other than
   * 2xx, or OpenLineageEndpointUnavailable without sending it while the endpoint's breaker is open.
   */
  abstract send(event: OpenLineageRunEvent): Promise<void>;
}
