/** Which outcome of a dataset version's checks stops a consumer: failures (`error`), warnings too (`warn`), or nothing. */
export type BlockOn = 'error' | 'warn' | 'none';

/** One check whose latest result on a dataset version stops a consumer. */
export interface BlockingCheck {
  readonly datasetVersionId: string;
  readonly checkRunId: string;
  readonly checkResultId: string;
  readonly name: string;
  readonly kind: string;
  readonly severity: 'warn' | 'error';
  readonly outcome: 'warn' | 'fail';
  /** What was measured (failing rows, row count, age in seconds, PSI...); null when nothing could be. */
  readonly observedValue: number | null;
  readonly threshold: string;
}

export interface BlockingChecksQuery {
  readonly projectId: string;
  readonly datasetVersionIds: readonly string[];
  readonly blockOn: BlockOn;
}

/** What other contexts may ask about the quality of the data they consume. */
export abstract class DatasetQualityFacade {
  /**
   * The checks whose latest result on each named version reaches `blockOn`; none for a version
   * with no check run. Versions of other projects, and ids no version has, are passed over.
   */
  abstract blockingChecks(query: BlockingChecksQuery): Promise<readonly BlockingCheck[]>;
}
