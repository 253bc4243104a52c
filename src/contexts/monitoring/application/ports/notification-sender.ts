import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import type { AlertGroupMessage } from '../services/alert-group-message.js';

/** Port: sends one attempt of a notification to an email or Slack receiver; never throws. */
export abstract class EmailSender {
  abstract send(to: readonly string[], message: AlertGroupMessage): Promise<AttemptOutcome>;
}

export abstract class SlackSender {
  abstract send(url: string, message: AlertGroupMessage): Promise<AttemptOutcome>;
}
