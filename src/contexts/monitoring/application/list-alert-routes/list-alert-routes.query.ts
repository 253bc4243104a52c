export interface ListAlertRoutesQuery {
  readonly projectId: string;
}
