import type { EnvelopeOf, EventMap, EventType } from '../envelope.js';
import { IntegrationEventHandler } from './integration-event-handler.js';

/**
 * A handler whose effects commit in transactions of their own, not in the inbox's: for follow-ups
 * that must see their own commit (or start work keyed by the event id) and are idempotent, since a
 * redelivery after a crash between their commit and the inbox's repeats them. The inbox still keeps
 * ordinary redeliveries out. Its own name, so that leaving the inbox's `manager` unused is a
 * declared choice, never an oversight; a `handleBatch` it gives leaves the manager unused likewise.
 */
export abstract class SelfCommittingEventHandler<
  TEvents extends EventMap = Record<string, unknown>,
  TType extends EventType<TEvents> = EventType<TEvents>,
> extends IntegrationEventHandler<TEvents, TType> {
  abstract handleOnItsOwn(event: EnvelopeOf<TEvents, TType>): Promise<void>;

  async handle(event: EnvelopeOf<TEvents, TType>): Promise<void> {
    await this.handleOnItsOwn(event);
  }
}
