import type { CheckRun } from './check-run.js';

/** Stores check runs; a run never changes once stored. */
export abstract class CheckRunRepository {
  abstract add(run: CheckRun): Promise<void>;
  abstract find(id: string): Promise<CheckRun | undefined>;
  /** A version's runs, newest first. */
  abstract listByVersion(versionId: string): Promise<CheckRun[]>;
}
