export interface UpdateWebhookCommand {
  readonly webhookId: string;
  readonly url?: string;
  readonly eventTypes?: readonly string[];
  readonly description?: string;
  readonly active?: boolean;
}
