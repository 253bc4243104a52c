import type { PublishedEventCatalogue } from './published-event.catalogue.js';

const WILDCARD = /^([a-z][a-z0-9-]*)\.\*$/;

/**
 * What an event type pattern of a subscription is wrong about, or undefined when it names a type
 * the catalogue lists or `<context>.*` of a context that publishes events. A pattern that could
 * never match (a typo) would be saved and stay silent forever, so it is refused instead.
 */
export function eventTypePatternProblem(pattern: string, catalogue: PublishedEventCatalogue): string | undefined {
  const wildcard = WILDCARD.exec(pattern);
  const context = wildcard?.[1] ?? pattern.split('.', 1)[0];
  const types = catalogue.typesOf(context);
  if (types === undefined || types.length === 0) {
    return `no context named ${context} publishes events; known: ${catalogue.contexts().join(', ')}`;
  }
  if (wildcard !== null || types.includes(pattern)) return undefined;
  return `${context} publishes no ${pattern}; it publishes ${types.join(', ')}`;
}

/** Whether `type` is one the pattern (an exact type or `<context>.*`) subscribes to. */
export function patternMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}
