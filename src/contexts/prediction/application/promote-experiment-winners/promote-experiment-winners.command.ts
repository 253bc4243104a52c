/** One round of the experiment worker over every deployment whose promotion is on. */
export interface PromoteExperimentWinnersCommand {
  readonly at: Date;
}

export interface PromotionRound {
  readonly evaluated: number;
  readonly moved: number;
  readonly refused: number;
}
