export interface SendTestDeliveryCommand {
  readonly webhookId: string;
  readonly actorId: string;
}

/** The type of the ping a test delivery sends; not an integration event, nobody else receives it. */
export const WEBHOOK_TEST_EVENT = 'monitoring.webhook.test.v1';
