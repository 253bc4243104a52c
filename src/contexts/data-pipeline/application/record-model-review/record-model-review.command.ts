/** A reviewer approved or rejected a model version. */
export interface RecordModelReviewCommand {
  readonly projectId: string;
  readonly versionId: string;
  /** Names the decision among the version's approvals: the event's id, so a redelivery records it once. */
  readonly reviewId: string;
  readonly decision: 'Approved' | 'Rejected';
  readonly decidedBy: string;
  readonly comment: string;
  readonly at: string;
}
