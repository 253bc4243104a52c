export interface ListAlertRulesQuery {
  /** Null lists the global rules. */
  readonly projectId: string | null;
  readonly limit: number;
  readonly cursor?: string;
}
