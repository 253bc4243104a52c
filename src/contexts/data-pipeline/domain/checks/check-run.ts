import type { CheckResult, CheckStatus } from './check-result.js';
import type { CheckSuiteInput } from './check-suite.js';

/** A check's result as a run stores it, under an id of its own: its lineage node carries that id. */
export interface StoredCheckResult extends CheckResult {
  readonly id: string;
}

/**
 * A suite run against one dataset version, or against the table a pipeline run's validate step
 * checked (then it names the pipeline run): the suite as submitted and every check's result.
 */
export interface CheckRun {
  readonly id: string;
  readonly projectId: string;
  readonly datasetId: string | null;
  readonly versionId: string | null;
  readonly pipelineRunId: string | null;
  readonly status: CheckStatus;
  readonly suite: CheckSuiteInput;
  readonly results: readonly StoredCheckResult[];
  readonly actorId: string;
  readonly createdAt: Date;
}

/** The run's verdict: its worst result's, so one failed check fails the run and one warning warns it. */
export function runStatus(results: readonly CheckResult[]): CheckStatus {
  if (results.some((result) => result.status === 'fail')) return 'fail';
  if (results.some((result) => result.status === 'warn')) return 'warn';
  return 'pass';
}
