export interface SuggestSloRulesQuery {
  readonly projectId: string;
}
