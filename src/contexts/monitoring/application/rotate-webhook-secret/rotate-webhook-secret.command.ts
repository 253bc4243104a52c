export interface RotateWebhookSecretCommand {
  readonly webhookId: string;
}

/** The secret that signs deliveries from now on, shown this once. */
export interface RotatedWebhookSecret {
  readonly webhookId: string;
  readonly secret: string;
}
