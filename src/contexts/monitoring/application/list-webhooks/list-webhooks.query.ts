export interface ListWebhooksQuery {
  readonly projectId: string;
  readonly limit: number;
  readonly cursor?: string;
}
