import type { CheckSuiteInput } from '../../domain/checks/check-suite.js';

/**
 * Runs a suite against a dataset version. A relationships or drift check names its reference table
 * by the id of another version of the same project.
 */
export interface RunCheckSuiteCommand {
  readonly versionId: string;
  readonly suite: CheckSuiteInput;
  readonly actorId: string;
  /** The project the caller acts in, when no guard checked the version's project (a workflow task): another project's version is not found. */
  readonly projectId?: string;
}
