import type { CheckRun } from '../../domain/checks/check-run.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';

export interface GetCheckRunReportQuery {
  readonly checkRunId: string;
}

/** What a human-readable report shows: the run, and the version it checked with its profile (none for a pipeline run's check). */
export interface CheckRunReport {
  readonly run: CheckRun;
  readonly version?: DatasetVersion;
}
