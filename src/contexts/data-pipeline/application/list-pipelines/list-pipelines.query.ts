export interface ListPipelinesQuery {
  readonly projectId: string;
}
