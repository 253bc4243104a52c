/** Port: the integration event types the contexts of this process publish. */
export abstract class PublishedEventCatalogue {
  /**
   * Why a trigger on `type` could never fire: its context publishes no such type. Undefined when it
   * does, or when its context declared nothing here (hosted by another process, so unknown).
   */
  abstract problem(type: string): string | undefined;
}
