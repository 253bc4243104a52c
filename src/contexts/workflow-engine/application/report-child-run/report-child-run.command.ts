/** A run ended: if it is a child run, its parent's `workflow` task ends with it. */
export interface ReportChildRunCommand {
  readonly childRunId: string;
}
