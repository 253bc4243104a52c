import type { OutboundBreaker } from '@libs/outbound';
import type { AlertGroupMessage } from '../../application/services/alert-group-message.js';
import { EmailSender, SlackSender } from '../../application/ports/notification-sender.js';
import { WebhookSender, type WebhookRequest } from '../../application/ports/webhook-sender.js';
import type { AttemptOutcome, PostponedSend } from '../../domain/webhooks/webhook-delivery.js';
import { attemptThrough } from './breaker-attempt.js';
import type { WebhookBreakers } from './webhook-breakers.js';

type Attempting<A extends unknown[]> = { send(...args: A): Promise<AttemptOutcome> };

/** Event webhook and webhook channel attempts, each through its target origin's breaker. */
export class BreakerGuardedWebhookSender extends WebhookSender {
  constructor(
    private readonly sender: Attempting<[WebhookRequest]>,
    private readonly breakers: WebhookBreakers,
  ) {
    super();
  }

  send(request: WebhookRequest): Promise<AttemptOutcome | PostponedSend> {
    return this.breakers.attempt(request.url, () => this.sender.send(request));
  }
}

/** Slack channel attempts, through the same breakers: Slack's origin is one target like any other. */
export class BreakerGuardedSlackSender extends SlackSender {
  constructor(
    private readonly sender: Attempting<[string, AlertGroupMessage]>,
    private readonly breakers: WebhookBreakers,
  ) {
    super();
  }

  send(url: string, message: AlertGroupMessage): Promise<AttemptOutcome | PostponedSend> {
    return this.breakers.attempt(url, () => this.sender.send(url, message));
  }
}

/**
 * The SMTP server failing rather than answering: no answer (refused, reset, timed out) or a 4xx, a
 * temporary refusal. A 5xx refuses this message for good (a permanent outcome) from a server that is up.
 */
const smtpFailed = (outcome: AttemptOutcome) => outcome.error !== undefined && outcome.permanent !== true;

/** Email channel attempts through the breaker of the one SMTP server: while it is open, they wait unsent. */
export class BreakerGuardedEmailSender extends EmailSender {
  constructor(
    private readonly sender: Attempting<[readonly string[], AlertGroupMessage]>,
    private readonly breaker: OutboundBreaker,
  ) {
    super();
  }

  send(to: readonly string[], message: AlertGroupMessage): Promise<AttemptOutcome | PostponedSend> {
    return attemptThrough(this.breaker, smtpFailed, () => this.sender.send(to, message));
  }
}
