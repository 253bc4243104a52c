import type { UserManagementEvents, UserManagementEventType } from '../../contracts/events.js';

/** Port: writes an integration event to the outbox of the running transaction. */
export abstract class EventPublisher {
  abstract publish<TType extends UserManagementEventType>(
    type: TType,
    payload: UserManagementEvents[TType],
    aggregateId: string,
  ): Promise<void>;
}
