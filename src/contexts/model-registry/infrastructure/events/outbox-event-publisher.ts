import { Injectable } from '@nestjs/common';
import { Outbox } from '@libs/messaging';
import { AmbientTransaction } from '@libs/platform';
import { EventPublisher } from '../../application/ports/event-publisher.js';
import type { ModelRegistryEvents, ModelRegistryEventType } from '../../contracts/events.js';

/** Writes events to `model_registry.outbox` in the use case's transaction (ARCHITECTURE section 3). */
@Injectable()
export class OutboxEventPublisher extends EventPublisher {
  private readonly outbox = new Outbox<ModelRegistryEvents>('model-registry', 'model_registry');

  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async publish<TType extends ModelRegistryEventType>(
    type: TType,
    payload: ModelRegistryEvents[TType],
    subject: { aggregateId: string; aggregateVersion?: number },
  ): Promise<void> {
    await this.outbox.publish(this.scope.manager(), type, payload, subject);
  }
}
