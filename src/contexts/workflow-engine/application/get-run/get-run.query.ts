/** A run with its task runs, as stored. */
export interface GetRunQuery {
  readonly runId: string;
}
