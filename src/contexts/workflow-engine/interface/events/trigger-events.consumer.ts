import type { Provider } from '@nestjs/common';
import { SelfCommittingEventHandler, runInEventContext, type EventEnvelope } from '@libs/messaging';
import { StartTriggeredRunsCommand } from '../../application/start-triggered-runs/start-triggered-runs.command.js';
import { StartTriggeredRunsHandler } from '../../application/start-triggered-runs/start-triggered-runs.handler.js';
import { TRIGGER_SOURCES } from '../../domain/definition/trigger-sources.js';
import type { JsonValue } from '../../domain/json-value.js';

/**
 * Reads every event of one context's stream (`<context>.*`) and hands it to the trigger use case,
 * which finds the workflows subscribed to its type; any context's event may, so its payload is
 * `unknown` here. Runs start in transactions of their own, keyed by the event id, so a redelivery
 * after a crash answers the runs already started instead of starting more; the inbox keeps ordinary
 * redeliveries from getting that far.
 */
export class TriggerEventsConsumer extends SelfCommittingEventHandler {
  readonly consumer: string;
  readonly eventType: string;

  constructor(
    source: string,
    private readonly starting: StartTriggeredRunsHandler,
  ) {
    super();
    this.consumer = `workflow-engine.triggers-from-${source}`;
    this.eventType = `${source}.*`;
  }

  async handleOnItsOwn(event: EventEnvelope): Promise<void> {
    await this.starting.execute(commandOf(event));
  }

  // Every event of a context passes through here: one trigger lookup per delivery batch, not per event;
  // each event's runs start in its own context, so they carry on its correlation and trace.
  override async handleBatch(events: readonly EventEnvelope[]): Promise<void> {
    const commands = events.map(commandOf);
    const subscribed = await this.starting.subscriptionsOf(commands);
    for (const [index, event] of events.entries()) {
      if (subscribed[index].length === 0) continue;
      await runInEventContext(event, () => this.starting.startFor(commands[index], subscribed[index]));
    }
  }
}

function commandOf(event: EventEnvelope): StartTriggeredRunsCommand {
  // Parsed from the envelope's JSON, so JSON data whatever the context published.
  const payload = (event.payload ?? null) as JsonValue;
  return new StartTriggeredRunsCommand(event.id, event.type, event.occurredAt, payload);
}

/** One consumer group per context whose events may trigger runs. */
export const TRIGGER_CONSUMERS: Provider[] = TRIGGER_SOURCES.map((source) => ({
  provide: `workflow-engine.triggers-from-${source}`,
  useFactory: (starting: StartTriggeredRunsHandler) => new TriggerEventsConsumer(source, starting),
  inject: [StartTriggeredRunsHandler],
}));
