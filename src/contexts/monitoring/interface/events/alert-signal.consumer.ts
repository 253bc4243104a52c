import type { Provider } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { IntegrationEventHandler, type EnvelopeOf } from '@libs/messaging';
import type { DataPipelineEvents } from '@contexts/data-pipeline';
import type { ModelRegistryEvents } from '@contexts/model-registry';
import type { WorkflowEngineEvents } from '@contexts/workflow-engine';
import type { EntityManager } from 'typeorm';
import type { SignalEventType } from '../../application/record-signal-event/record-signal-event.command.js';
import {
  RecordSignalEventHandler,
  SIGNAL_EVENT_TYPES,
} from '../../application/record-signal-event/record-signal-event.handler.js';

/** The producers' contracts of the events that feed signals: the envelopes arrive typed by them. */
type SignalSources = WorkflowEngineEvents & DataPipelineEvents & ModelRegistryEvents;

/**
 * Keeps the events of one context that feed alert signals, in the inbox's transaction: each event
 * counts once in the signal tables however often the bus hands it over (docs/adr/0603).
 */
export class AlertSignalConsumer extends IntegrationEventHandler<SignalSources, SignalEventType> {
  readonly consumer: string;

  constructor(
    source: string,
    readonly eventType: readonly SignalEventType[],
    private readonly transaction: AmbientTransaction,
    private readonly recording: RecordSignalEventHandler,
  ) {
    super();
    this.consumer = `monitoring.alert-signals-from-${source}`;
  }

  async handle(event: EnvelopeOf<SignalSources, SignalEventType>, manager: EntityManager): Promise<void> {
    // The envelope is the command: its type and payload as the producer typed them, and when it occurred.
    await this.transaction.join(manager, () => this.recording.execute(event));
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
