export interface ListInhibitionRulesQuery {
  readonly projectId: string;
}
