export interface ListDatasetsQuery {
  readonly projectId: string;
}
