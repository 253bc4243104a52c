export interface IsRunRecordedQuery {
  readonly runId: string;
}
