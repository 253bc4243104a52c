import type { EventMap, EventType } from './envelope.js';

/** The keys of `Events` that `Types` leaves out. */
type Unlisted<Events, Types extends readonly unknown[]> = Exclude<keyof Events, Types[number]>;

/**
 * The event types of a context's event map, as a list that exists at run time. Only keys of the map
 * compile, and so does a list only when it names every key: the map and the list cannot drift apart.
 * Use: `eventTypesOf<ModelRegistryEvents>()(['model-registry.model.registered.v1', ...])`.
 */
export function eventTypesOf<Events extends EventMap>() {
  return <const Types extends readonly EventType<Events>[]>(
    types: Types &
      ([Unlisted<Events, Types>] extends [never] ? unknown : { readonly unlisted: Unlisted<Events, Types> }),
  ): Types => types;
}
