/**
 * In-process doorbells of the outbox relays, one per schema. A commit that wrote
 * outbox rows rings its schema's bell so the relay does not wait for its poll.
 */
export class RelayWakeups {
  private readonly bells = new Map<string, () => void>();

  register(schema: string, ring: () => void): void {
    this.bells.set(schema, ring);
  }

  unregister(schema: string): void {
    this.bells.delete(schema);
  }

  wake(schema: string): void {
    this.bells.get(schema)?.();
  }
}
