import { newId } from '@libs/ddd';
import { RequestContext } from '@libs/platform';
import type { EntityManager } from 'typeorm';
import type { EnvelopeOf, EventMap, EventType } from '../envelope.js';

/** Where in the queryRunner's free-form `data` the outbox notes which schemas it wrote. */
export const OUTBOX_SCHEMAS_WRITTEN = 'outboxSchemasWritten';

export interface EventSubject {
  readonly aggregateId: string;
  readonly aggregateVersion?: number;
}

export interface PendingEvent<TEvents extends EventMap, TType extends EventType<TEvents> = EventType<TEvents>> {
  readonly type: TType;
  readonly payload: TEvents[TType];
  readonly subject: EventSubject;
}

/**
 * A context's door to the bus. `publish` writes the event into the context's
 * outbox inside the caller's transaction, so the event exists if and only if
 * the change that caused it committed. Type and payload are checked against the
 * context's EventMap.
 */
export class Outbox<TEvents extends EventMap> {
  constructor(
    readonly source: string,
    readonly schema: string,
  ) {}

  async publish<TType extends EventType<TEvents>>(
    manager: EntityManager,
    type: TType,
    payload: TEvents[TType],
    subject: EventSubject,
  ): Promise<EnvelopeOf<TEvents, TType>> {
    const [envelope] = await this.publishAll(manager, [{ type, payload, subject }]);
    return envelope as EnvelopeOf<TEvents, TType>;
  }

  async publishAll(
    manager: EntityManager,
    events: readonly PendingEvent<TEvents>[],
  ): Promise<EnvelopeOf<TEvents, EventType<TEvents>>[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error(
        'Outbox.publish must run inside a transaction: the event would not be tied to the change that caused it',
      );
    }
    if (events.length === 0) return [];
    const envelopes = events.map((event) => this.envelope(event));
    const values = envelopes.map((_, index) => `($${index * 3 + 1}, $${index * 3 + 2}, $${index * 3 + 3})`).join(', ');
    const parameters = envelopes.flatMap((envelope) => [envelope.id, envelope.type, JSON.stringify(envelope)]);
    await manager.query(`INSERT INTO "${this.schema}".outbox (id, type, envelope) VALUES ${values}`, parameters);
    const data = runner.data as Record<string, Set<string> | undefined>;
    (data[OUTBOX_SCHEMAS_WRITTEN] ??= new Set()).add(this.schema);
    return envelopes;
  }

  private envelope<TType extends EventType<TEvents>>(event: PendingEvent<TEvents, TType>): EnvelopeOf<TEvents, TType> {
    const context = RequestContext.current();
    const id = newId();
    return {
      id,
      type: event.type,
      source: this.source,
      occurredAt: new Date().toISOString(),
      aggregateId: event.subject.aggregateId,
      aggregateVersion: event.subject.aggregateVersion ?? 0,
      correlationId: context?.correlationId ?? id,
      causationId: context?.causationId ?? null,
      traceparent: context?.traceparent ?? null,
      actor: context?.actor ?? null,
      payload: event.payload,
    };
  }
}
