import type { Provider } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { IntegrationEventHandler, type EventEnvelope } from '@libs/messaging';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '../../application/record-event-deliveries/record-event-deliveries.command.js';
import { RecordEventDeliveriesHandler } from '../../application/record-event-deliveries/record-event-deliveries.handler.js';

/**
 * Reads every event of one context's stream (`<context>.*`) and records its webhook deliveries in
 * the inbox's transaction: the deliveries commit with the inbox row, so each subscribed event is
 * recorded once however often the bus hands it over. Sending is the delivery poller's job.
 * Deliberately generic over all events (the type parameters left at their defaults): a webhook
 * forwards whatever its subscription names, so the payload stays `unknown` and only the project it
 * names is read, by a guard in the use case (record-event-deliveries), never by a cast.
 */
export class WebhookFanOutConsumer extends IntegrationEventHandler {
  readonly consumer: string;
  readonly eventType: string;

  constructor(
    source: string,
    private readonly transaction: AmbientTransaction,
    private readonly recording: RecordEventDeliveriesHandler,
  ) {
    super();
    this.consumer = `monitoring.webhooks-from-${source}`;
    this.eventType = `${source}.*`;
  }

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.handleBatch([event], manager);
  }

  // Every event of a context passes through here: one subscription lookup per delivery batch.
  override async handleBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    await this.transaction.join(manager, () => this.recording.execute({ events: events.map(receivedOf) }));
  }
}

function receivedOf(event: EventEnvelope): ReceivedEvent {
  return { eventId: event.id, type: event.type, occurredAt: event.occurredAt, payload: event.payload };
}

/** One consumer group per context whose events may be subscribed to. */
export function webhookFanOutConsumers(sources: readonly string[]): Provider[] {
  return sources.map((source) => ({
    provide: `monitoring.webhooks-from-${source}`,
    useFactory: (transaction: AmbientTransaction, recording: RecordEventDeliveriesHandler) =>
      new WebhookFanOutConsumer(source, transaction, recording),
    inject: [AmbientTransaction, RecordEventDeliveriesHandler],
  }));
}
