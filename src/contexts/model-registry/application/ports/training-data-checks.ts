/** Which outcome of its training data's checks stops a registration: failures, warnings too, or nothing. */
export type TrainingDataBlockOn = 'error' | 'warn' | 'none';

/** A check whose latest result on a training dataset version stops the registration. */
export interface BlockingTrainingCheck {
  readonly datasetVersionId: string;
  readonly checkRunId: string;
  readonly name: string;
  readonly outcome: 'warn' | 'fail';
  readonly observedValue: number | null;
  readonly threshold: string;
}

/**
 * The quality verdicts of the dataset versions a model was trained on, as the data pipeline keeps
 * them (ARCHITECTURE section 1: asked through its facade when a registration needs the answer now).
 */
export abstract class TrainingDataChecks {
  abstract blockingChecks(
    projectId: string,
    datasetVersionIds: readonly string[],
    blockOn: Exclude<TrainingDataBlockOn, 'none'>,
  ): Promise<readonly BlockingTrainingCheck[]>;
}
