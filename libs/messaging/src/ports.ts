// What application/ code may use of the event bus: the publisher port and the event types, none
// of the TypeORM and ioredis machinery behind them (the architecture test holds application/ to
// this entry point).
export * from './publisher/event-publisher.js';
export type { EventMap, EventType } from './envelope.js';
