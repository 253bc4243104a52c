/** Port: runs work in one database transaction; repositories and the outbox inside it join it. */
export abstract class Transaction {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
