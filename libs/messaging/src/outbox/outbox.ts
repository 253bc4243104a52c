import { newId } from '@libs/ddd';
import { producerTraceparent, RequestContext } from '@libs/platform';
import type { EntityManager } from 'typeorm';
import type { EnvelopeOf, EventEnvelope, EventMap, EventType } from '../envelope.js';
import type { EventSubject } from '../publisher/event-publisher.js';

/** Where in the queryRunner's free-form `data` the outbox notes which schemas it wrote. */
export const OUTBOX_SCHEMAS_WRITTEN = 'outboxSchemasWritten';

export interface StagedEvents<TEvents extends EventMap> {
  readonly envelopes: EnvelopeOf<TEvents, EventType<TEvents>>[];
  /** The rows as one JSON array, for `insertFrom`'s parameter. */
  readonly json: string;
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
    const staged = this.staged(manager, events);
    if (events.length > 0) await manager.query(this.insertFrom('$1'), [staged.json]);
    return staged.envelopes;
  }

  /**
   * The events as outbox rows for a caller that writes its whole change in one statement, binding
   * `json` to the parameter of its `insertFrom`. As with `publishAll`, the caller's transaction must
   * commit that statement, and its commit wakes the relay.
   */
  staged(manager: EntityManager, events: readonly PendingEvent<TEvents>[]): StagedEvents<TEvents> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error(
        'Outbox.publish must run inside a transaction: the event would not be tied to the change that caused it',
      );
    }
    if (events.length > 0) {
      const data = runner.data as Record<string, Set<string> | undefined>;
      (data[OUTBOX_SCHEMAS_WRITTEN] ??= new Set()).add(this.schema);
    }
    return this.stagedForOwnCommit(events);
  }

  /**
   * The events as outbox rows for a caller whose whole change, these rows included, is one statement
   * committed on its own outside any transaction (a single statement is atomic): the event still
   * exists if and only if the change committed. No commit rings the relay then: once the statement
   * has answered, the caller rings OutboxDoorbell itself.
   */
  stagedForOwnCommit(events: readonly PendingEvent<TEvents>[]): StagedEvents<TEvents> {
    // Each envelope keeps its event's type and payload, which is the distributed EnvelopeOf.
    const envelopes = events.map((event) => this.envelope(event)) as EnvelopeOf<TEvents, EventType<TEvents>>[];
    const rows = envelopes.map((envelope) => ({ id: envelope.id, type: envelope.type, envelope }));
    return { envelopes, json: JSON.stringify(rows) };
  }

  /**
   * The INSERT of staged rows from the JSON array bound to `parameter`, in order (fit for a
   * data-modifying WITH). json, not jsonb: each envelope keeps the text it was written with.
   */
  insertFrom(parameter: string): string {
    return `INSERT INTO "${this.schema}".outbox (id, type, envelope)
      SELECT e.id, e.type, e.envelope
        FROM ROWS FROM (json_to_recordset(${parameter}::json) AS (id uuid, type text, envelope json))
             WITH ORDINALITY AS e(id, type, envelope, n)
       ORDER BY e.n`;
  }

  private envelope<TType extends EventType<TEvents>>(
    event: PendingEvent<TEvents, TType>,
  ): EventEnvelope<TType, TEvents[TType]> {
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
      // With tracing on, staging the event is a producer span its consumers' spans are children of.
      traceparent: producerTraceparent(`publish ${event.type}`, { 'messaging.message.id': id }) ?? null,
      actor: context?.actor ?? null,
      payload: event.payload,
    };
  }
}
