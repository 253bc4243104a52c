import { Injectable } from '@nestjs/common';
import { Outbox } from '@libs/messaging';
import { AmbientTransaction } from '@libs/platform';
import { EventPublisher } from '../../application/ports/event-publisher.js';
import type { UserManagementEvents, UserManagementEventType } from '../../contracts/events.js';

/** Writes events to `user_management.outbox` in the use case's transaction (ARCHITECTURE section 3). */
@Injectable()
export class OutboxEventPublisher extends EventPublisher {
  private readonly outbox = new Outbox<UserManagementEvents>('user-management', 'user_management');

  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async publish<TType extends UserManagementEventType>(
    type: TType,
    payload: UserManagementEvents[TType],
    aggregateId: string,
  ): Promise<void> {
    await this.outbox.publish(this.scope.manager(), type, payload, { aggregateId });
  }
}
