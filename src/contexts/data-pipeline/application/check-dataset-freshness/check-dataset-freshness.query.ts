/** Whether a dataset of the project has a version younger than `maxAgeMs` at `at`. */
export interface CheckDatasetFreshnessQuery {
  readonly projectId: string;
  readonly datasetId: string;
  readonly maxAgeMs: number;
  readonly at: Date;
}

export interface NewestVersion {
  readonly versionId: string;
  readonly number: number;
  readonly createdAt: Date;
}

/** The answer, with the newest version either way, so a waiter can say what it saw. */
export interface DatasetFreshness {
  readonly fresh: boolean;
  readonly newest?: NewestVersion;
}
