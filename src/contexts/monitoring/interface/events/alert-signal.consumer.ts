import type { Provider } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { IntegrationEventHandler, type EventEnvelope } from '@libs/messaging';
import type { EntityManager } from 'typeorm';
import {
  RecordSignalEventHandler,
  SIGNAL_EVENT_TYPES,
} from '../../application/record-signal-event/record-signal-event.handler.js';

/**
 * Keeps the events of one context that feed alert signals, in the inbox's transaction: each event
 * counts once in the signal tables however often the bus hands it over (docs/adr/0603).
 */
export class AlertSignalConsumer extends IntegrationEventHandler {
  readonly consumer: string;

  constructor(
    source: string,
    readonly eventType: readonly string[],
    private readonly transaction: AmbientTransaction,
    private readonly recording: RecordSignalEventHandler,
  ) {
    super();
    this.consumer = `monitoring.alert-signals-from-${source}`;
  }

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.transaction.join(manager, () =>
      this.recording.execute({ type: event.type, occurredAt: event.occurredAt, payload: event.payload }),
    );
  }
}

/** One consumer group per context whose events feed a signal. */
export function alertSignalConsumers(): Provider[] {
  return [...SIGNAL_EVENT_TYPES].map(([source, types]) => ({
    provide: `monitoring.alert-signals-from-${source}`,
    useFactory: (transaction: AmbientTransaction, recording: RecordSignalEventHandler) =>
      new AlertSignalConsumer(source, types, transaction, recording),
    inject: [AmbientTransaction, RecordSignalEventHandler],
  }));
}
