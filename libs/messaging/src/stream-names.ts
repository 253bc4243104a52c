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

export const DEAD_LETTER_STREAM = 'events.dead-letter';
