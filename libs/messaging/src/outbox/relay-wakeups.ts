/**
 * In-process doorbells of the outbox relays, one per schema. A commit that wrote
 * outbox rows rings its schema's bell so the relay does not wait for its poll.
 * A NOTIFY rings it too, sent after commits of processes that host no relay of
 * the schema (OutboxCommitSubscriber); a notification sent by a connection of
 * this process is passed over, as its commit already rang here what it could.
 */
export class RelayWakeups {
  private readonly bells = new Map<string, () => void>();
  /** Database backends (connections) whose commits ring in-process. */
  private readonly ownBackends = new Set<number>();

  register(schema: string, ring: () => void): void {
    this.bells.set(schema, ring);
  }

  unregister(schema: string): void {
    this.bells.delete(schema);
  }

  /**
   * A commit in this process wrote `schema`'s outbox, through the backend with process id `backendPid` when known.
   * Answers whether a relay of this process was rung; if none was, relays elsewhere must be told.
   */
  wake(schema: string, backendPid?: number): boolean {
    if (backendPid !== undefined) this.ownBackends.add(backendPid);
    const ring = this.bells.get(schema);
    ring?.();
    return ring !== undefined;
  }

  /** A commit wrote `schema`'s outbox and notified, from the backend with process id `backendPid`. */
  notified(schema: string, backendPid: number): void {
    if (!this.ownBackends.has(backendPid)) this.bells.get(schema)?.();
  }
}
