/**
 * Port: a temporary local copy of an object, for the engine to read as a file. The copy streams
 * from the object store to disk (never whole in memory) and is removed when the work settles.
 */
export abstract class LocalTableCopies {
  abstract withCopyOf<T>(objectKey: string, work: (path: string) => Promise<T>): Promise<T>;
}
