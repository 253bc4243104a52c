/** Every integration event of a context goes to one stream named after it. */
export function streamOf(context: string): string {
  return `events.${context}`;
}

/** The context that publishes an event type: the part before the first dot. */
export function sourceOf(eventType: string): string {
  const dot = eventType.indexOf('.');
  if (dot <= 0) throw new Error(`Event type "${eventType}" does not start with its context`);
  return eventType.slice(0, dot);
}

/**
 * A handler subscribes to one or several event types, or to every event of one context's stream
 * with `<context>.*` (a consumer that routes by type itself, such as workflow triggers).
 */
export function isHandledBy(subscription: string, eventType: string): boolean {
  return subscription.endsWith('.*') ? eventType.startsWith(subscription.slice(0, -1)) : eventType === subscription;
}

/** The one stream a handler reads: every type it subscribes to must come from one context. */
export function streamOfSubscriptions(subscriptions: readonly string[]): string {
  const sources = new Set(subscriptions.map(sourceOf));
  if (sources.size !== 1) {
    throw new Error(`A handler subscribes to the events of exactly one context, not "${subscriptions.join('", "')}"`);
  }
  return streamOf([...sources][0]);
}

export const DEAD_LETTER_STREAM = 'events.dead-letter';
