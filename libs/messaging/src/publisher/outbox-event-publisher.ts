import type { Provider } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { EventMap, EventType } from '../envelope.js';
import { Outbox } from '../outbox/outbox.js';
import { EventPublisher, type EventSubject } from './event-publisher.js';

/** Writes events to the context's outbox in the use case's ambient transaction (ARCHITECTURE section 3). */
export class OutboxEventPublisher<TEvents extends EventMap> extends EventPublisher<TEvents> {
  private readonly outbox: Outbox<TEvents>;

  constructor(
    source: string,
    schema: string,
    private readonly scope: AmbientTransaction,
  ) {
    super();
    this.outbox = new Outbox<TEvents>(source, schema);
  }

  async publish<TType extends EventType<TEvents>>(
    type: TType,
    payload: TEvents[TType],
    subject: EventSubject,
  ): Promise<void> {
    await this.outbox.publish(this.scope.manager(), type, payload, subject);
  }
}

/**
 * The EventPublisher of one context, bound to the AmbientTransaction its module provides: the token
 * is shared, so a context must not export it (each module resolves its own).
 */
export function outboxEventPublisher(context: { source: string; schema: string }): Provider {
  return {
    provide: EventPublisher,
    useFactory: (scope: AmbientTransaction) => new OutboxEventPublisher(context.source, context.schema, scope),
    inject: [AmbientTransaction],
  };
}
