export interface PrunePredictionRecordsCommand {
  readonly now: Date;
}
