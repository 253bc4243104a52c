export interface DeleteWebhookCommand {
  readonly webhookId: string;
}
