/**
 * In-process doorbells of the outbox relays, one per schema. A commit that wrote
 * outbox rows rings its schema's bell so the relay does not wait for its poll.
 * The outbox trigger's NOTIFY rings it too, for commits of other processes: a
 * notification sent by a connection of this process whose commit already rang
 * is passed over, or every local event would cost the relay a second, empty pass.
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

  /** A commit in this process wrote `schema`'s outbox, through the backend with process id `backendPid` when known. */
  wake(schema: string, backendPid?: number): void {
    if (backendPid !== undefined) this.ownBackends.add(backendPid);
    this.bells.get(schema)?.();
  }

  /** The outbox trigger of `schema` notified, from the backend with process id `backendPid`. */
  notified(schema: string, backendPid: number): void {
    if (!this.ownBackends.has(backendPid)) this.bells.get(schema)?.();
  }
}
