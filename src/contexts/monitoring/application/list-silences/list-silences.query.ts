export interface ListSilencesQuery {
  readonly projectId: string;
}
