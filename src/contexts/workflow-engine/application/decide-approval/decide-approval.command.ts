/** A person approves or rejects the approval task `key` of a run. */
export interface DecideApprovalCommand {
  readonly runId: string;
  readonly key: string;
  readonly approve: boolean;
  readonly userId: string;
  readonly comment?: string;
}
