/** Runs the writes of one lineage use case together: all of an event's nodes and edges, or none. */
export abstract class LineageTransaction {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
