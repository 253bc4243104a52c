export interface GetWebhookQuery {
  readonly webhookId: string;
}
