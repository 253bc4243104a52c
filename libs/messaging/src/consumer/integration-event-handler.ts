import type { EntityManager } from 'typeorm';
import type { EnvelopeOf, EventMap, EventType } from '../envelope.js';

/**
 * Subclass this (as a Nest provider of the subscribing context) to react to events of one
 * context, typed by its EventMap: one type, or several as a readonly array, so `handle`
 * narrows the payload by `event.type`. A handler of every event of one context subscribes
 * with `eventType = '<context>.*'` and leaves the type parameters at their defaults: its
 * payload is `unknown`. Each handler is its own consumer group, named `<context>.<handler>`,
 * so it sees every event once whatever others do.
 *
 * `handle` runs inside a transaction that has already recorded the event in the
 * context's inbox: write the effects through `manager` and they happen exactly
 * once. Throwing rolls the effects back and the event is delivered again later.
 * A handler whose effects must commit on their own extends SelfCommittingEventHandler instead.
 */
export abstract class IntegrationEventHandler<
  TEvents extends EventMap = Record<string, unknown>,
  TType extends EventType<TEvents> = EventType<TEvents>,
> {
  abstract readonly consumer: string;
  abstract readonly eventType: TType | readonly TType[];
  abstract handle(event: EnvelopeOf<TEvents, TType>, manager: EntityManager): Promise<void>;
  /**
   * Optional: the fresh events of one delivery batch at once, in stream order, for a handler that can
   * do for many what `handle` does for one with fewer round trips (one lookup for all). Same contract
   * as `handle`, run in no event's context (runInEventContext gives each its own); if it throws, the
   * batch is handled again event by event through `handle`.
   */
  handleBatch?(events: readonly EnvelopeOf<TEvents, TType>[], manager: EntityManager): Promise<void>;
  /**
   * Optional: which events of one delivery batch this handler has anything to do for, one flag per
   * event in order, asked before the inbox with no transaction open (it must not write). The others
   * are acknowledged with no inbox row and no transaction: for a handler of every event of a context
   * that acts on few of them (a trigger lookup, one for the batch).
   */
  wanted?(events: readonly EnvelopeOf<TEvents, TType>[]): Promise<readonly boolean[]>;
}
