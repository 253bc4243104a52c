export interface ListAlertNotificationsQuery {
  readonly projectId: string;
  readonly limit: number;
  readonly cursor?: string;
}
