import type { ModelRegistryEvents, ModelRegistryEventType } from '../../contracts/events.js';

/** Port: writes an integration event to the outbox of the running transaction. */
export abstract class EventPublisher {
  abstract publish<TType extends ModelRegistryEventType>(
    type: TType,
    payload: ModelRegistryEvents[TType],
    subject: { aggregateId: string; aggregateVersion?: number },
  ): Promise<void>;
}
