export interface ListDatasetVersionsQuery {
  readonly datasetId: string;
}
