/**
 * Port: the integration event types each publishing context declares in its contracts (its
 * `<CONTEXT>_EVENT_TYPES` list), by context. Subscriptions are checked against it when saved.
 */
export abstract class PublishedEventCatalogue {
  /** The types `context` publishes, or undefined when no such context publishes events. */
  abstract typesOf(context: string): readonly string[] | undefined;
  abstract contexts(): readonly string[];
}
