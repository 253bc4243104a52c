export interface ListWebhookDeliveriesQuery {
  readonly webhookId: string;
  readonly limit: number;
  readonly cursor?: string;
}
