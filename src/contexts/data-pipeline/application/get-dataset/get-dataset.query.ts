export interface GetDatasetQuery {
  readonly datasetId: string;
}
