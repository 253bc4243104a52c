/** One round of the evaluator: the rules due now, each leased to this worker while it evaluates. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a round takes nothing but the clock
export interface EvaluateDueAlertRulesCommand {}

export interface EvaluationRound {
  readonly claimed: number;
  readonly transitions: number;
}
