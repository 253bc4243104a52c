import type { AttemptOutcome, PostponedSend } from '../../domain/webhooks/webhook-delivery.js';
import type { AlertGroupMessage } from '../services/alert-group-message.js';

/**
 * Port: sends one attempt of a notification to an email or Slack receiver; never throws. Postponed
 * unsent while the SMTP server's breaker is open.
 */
export abstract class EmailSender {
  abstract send(to: readonly string[], message: AlertGroupMessage): Promise<AttemptOutcome | PostponedSend>;
}

/** Port: posts to a Slack webhook; like WebhookSender, postponed unsent while the target's breaker is open. */
export abstract class SlackSender {
  abstract send(url: string, message: AlertGroupMessage): Promise<AttemptOutcome | PostponedSend>;
}
