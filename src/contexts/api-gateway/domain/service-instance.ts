/** A process as it announces itself in the service registry (docs/adr/0702). */
export interface ServiceInstance {
  /** Unique per process start: a restarted process is a new instance. */
  readonly id: string;
  /** Where other processes reach its HTTP server (APP_PUBLIC_URL). */
  readonly url: string;
  readonly contexts: readonly string[];
  readonly role: 'api' | 'worker' | 'all';
  readonly version: string;
  readonly startedAt: string;
  /** When it last announced itself, in milliseconds since the epoch. */
  readonly heartbeatAt: number;
}

/** An instance that has not announced itself for `ttlMs` has stopped (or cannot reach Redis): it drops out. */
export function isLive(instance: ServiceInstance, now: number, ttlMs: number): boolean {
  return now - instance.heartbeatAt < ttlMs;
}

/** Only instances serving HTTP take forwarded requests; workers announce themselves for the record. */
export function servesHttp(instance: ServiceInstance): boolean {
  return instance.role !== 'worker';
}
