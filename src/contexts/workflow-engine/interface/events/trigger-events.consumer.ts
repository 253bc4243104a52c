import type { Provider } from '@nestjs/common';
import { SelfCommittingEventHandler, runInEventContext, type EventEnvelope } from '@libs/messaging';
import { FindTriggeredWorkflowsHandler } from '../../application/find-triggered-workflows/find-triggered-workflows.handler.js';
import type { TriggeringEventReceived } from '../../application/start-triggered-runs/start-triggered-runs.command.js';
import { StartTriggeredRunsHandler } from '../../application/start-triggered-runs/start-triggered-runs.handler.js';
import { TRIGGER_SOURCES } from '../../domain/definition/trigger-sources.js';
import { toJsonValue } from '../../domain/json-value.js';

/**
 * Reads every event of one context's stream (`<context>.*`) and hands it to the trigger use cases,
 * which find the workflows subscribed to its type and start their runs; any context's event may, so
 * its payload is `unknown` here. Runs start in transactions of their own, keyed by the event id, so
 * a redelivery after a crash answers the runs already started instead of starting more; the inbox
 * keeps ordinary redeliveries from getting that far.
 */
export class TriggerEventsConsumer extends SelfCommittingEventHandler {
  readonly consumer: string;
  readonly eventType: string;

  constructor(
    source: string,
    private readonly finding: FindTriggeredWorkflowsHandler,
    private readonly starting: StartTriggeredRunsHandler,
  ) {
    super();
    this.consumer = `workflow-engine.triggers-from-${source}`;
    this.eventType = `${source}.*`;
  }

  handleOnItsOwn(event: EventEnvelope): Promise<void> {
    return this.handleBatch([event]);
  }

  // Every event of a context passes through here, and most start nothing: one trigger lookup per delivery
  // batch, before the inbox, so those are acknowledged without an inbox row or a transaction.
  override async wanted(envelopes: readonly EventEnvelope[]): Promise<boolean[]> {
    const subscribed = await this.finding.execute({ events: envelopes.map(triggeringOf) });
    return subscribed.map((subscriptions) => subscriptions.length > 0);
  }

  // Each event's runs start in its own context, so they carry on its correlation and trace.
  override async handleBatch(envelopes: readonly EventEnvelope[]): Promise<void> {
    const events = envelopes.map(receivedOf);
    const subscribed = await this.finding.execute({ events: envelopes.map(triggeringOf) });
    for (const [index, envelope] of envelopes.entries()) {
      const subscriptions = subscribed[index];
      if (subscriptions.length === 0) continue;
      await runInEventContext(envelope, () => this.starting.execute({ event: events[index], subscriptions }));
    }
  }
}

function triggeringOf({ type, occurredAt }: EventEnvelope): { type: string; occurredAt: Date } {
  return { type, occurredAt: new Date(occurredAt) };
}

function receivedOf(event: EventEnvelope): TriggeringEventReceived {
  // Parsed from the envelope's JSON; checked, since any context may publish here.
  return { eventId: event.id, type: event.type, occurredAt: event.occurredAt, payload: toJsonValue(event.payload) };
}

/** One consumer group per context whose events may trigger runs. */
export const TRIGGER_CONSUMERS: Provider[] = TRIGGER_SOURCES.map((source) => ({
  provide: `workflow-engine.triggers-from-${source}`,
  useFactory: (finding: FindTriggeredWorkflowsHandler, starting: StartTriggeredRunsHandler) =>
    new TriggerEventsConsumer(source, finding, starting),
  inject: [FindTriggeredWorkflowsHandler, StartTriggeredRunsHandler],
}));
