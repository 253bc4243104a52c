export type CheckOutcome = 'pass' | 'warn' | 'fail';

/** A check of a suite ran against a dataset version (the suite runner records it; docs/adr/0402). */
export interface RecordCheckResultCommand {
  readonly projectId: string;
  readonly checkResultId: string;
  readonly datasetVersionId: string;
  readonly checkName: string;
  readonly outcome: CheckOutcome;
  readonly at: string;
}
