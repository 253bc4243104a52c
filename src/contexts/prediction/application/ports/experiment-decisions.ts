/** What an experiment decided about promoting its winner, kept so one result is acted on once. */
export interface ExperimentDecision {
  readonly id: string;
  readonly deploymentId: string;
  readonly alias: string;
  readonly modelName: string;
  readonly winnerVariant: string;
  readonly fromVersionId: string | undefined;
  readonly toVersionId: string;
  readonly pValue: number;
  readonly difference: number;
  readonly outcome: 'moved' | 'refused';
  readonly reason: string;
  readonly decidedAt: Date;
}

export abstract class ExperimentDecisions {
  /** Whether the deployment decided about moving `alias` to this version before (either way). */
  abstract decided(deploymentId: string, alias: string, toVersionId: string): Promise<boolean>;
  /** Records it; false when another worker recorded the same decision first. */
  abstract record(decision: ExperimentDecision): Promise<boolean>;
  abstract list(deploymentId: string): Promise<ExperimentDecision[]>;
}
