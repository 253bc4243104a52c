import { PublishedEventRegistry } from '../../contracts/published-events.js';
import { closestNames } from '../../domain/definition/closest-names.js';
import type { PublishedEventCatalogue } from '../../domain/definition/published-event.catalogue.js';

/**
 * The event types published by the contexts of this process: the engine's own, then those other
 * contexts declare at start-up. Both the public registry (contracts) and the catalogue the domain
 * checks triggers with. A context that declared nothing here is hosted elsewhere, so its types are
 * not known and pass unchecked.
 */
export class InMemoryPublishedEventRegistry extends PublishedEventRegistry implements PublishedEventCatalogue {
  private readonly byContext = new Map<string, Set<string>>();

  constructor(declared: ReadonlyMap<string, readonly string[]> = new Map()) {
    super();
    for (const [context, types] of declared) this.declare(context, types);
  }

  declare(context: string, types: readonly string[]): void {
    const foreign = types.find((type) => contextOf(type) !== context);
    if (foreign !== undefined) throw new RangeError(`event type ${foreign} does not belong to ${context}`);
    const known = this.byContext.get(context) ?? new Set<string>();
    for (const type of types) known.add(type);
    this.byContext.set(context, known);
  }

  problem(type: string): string | undefined {
    const known = this.byContext.get(contextOf(type));
    if (known === undefined || known.has(type)) return undefined;
    const everyType = [...this.byContext.values()].flatMap((types) => [...types]);
    const hint = closestNames(type, everyType);
    return `no context publishes ${type}` + (hint.length > 0 ? `; did you mean ${hint.join(', ')}?` : '');
  }
}

function contextOf(type: string): string {
  return type.split('.', 1)[0];
}
