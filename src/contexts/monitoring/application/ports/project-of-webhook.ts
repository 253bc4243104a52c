/** For the access guard: the project of `/webhooks/{webhookId}/...`; undefined (404) for unknown ids. */
export abstract class ProjectOfWebhook {
  abstract projectOf(webhookId: string): Promise<string | undefined>;
}
