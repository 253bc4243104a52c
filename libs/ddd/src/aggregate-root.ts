import type { DomainEvent } from './domain-event.js';
import { Entity } from './entity.js';

/**
 * A consistency boundary. It collects the domain events of one change so the
 * repository can turn them into integration events in the same transaction, and
 * carries a version for optimistic locking.
 */
export abstract class AggregateRoot<TId = string> extends Entity<TId> {
  private pendingEvents: DomainEvent[] = [];

  protected constructor(
    id: TId,
    private currentVersion = 0,
  ) {
    super(id);
  }

  get version(): number {
    return this.currentVersion;
  }

  protected record(event: DomainEvent): void {
    this.pendingEvents.push(event);
  }

  /** Hands over the events recorded since the last pull and forgets them. */
  pullEvents(): DomainEvent[] {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    return events;
  }

  /** Called by the repository once a save committed at the next version. */
  markSaved(version = this.currentVersion + 1): void {
    this.currentVersion = version;
  }
}
