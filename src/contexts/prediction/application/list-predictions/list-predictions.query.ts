export interface ListPredictionsQuery {
  readonly deploymentId: string;
  readonly variant?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  /** The opaque cursor of the previous page's `nextCursor`. */
  readonly cursor?: string;
}
