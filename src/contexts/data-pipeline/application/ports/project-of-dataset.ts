/** For the access guard: the project of `/datasets/{datasetId}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfDataset {
  abstract projectOf(datasetId: string): Promise<string | undefined>;
}

/** For the access guard: the project of `/dataset-versions/{versionId}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfDatasetVersion {
  abstract projectOf(versionId: string): Promise<string | undefined>;
}
