import type { OutboundPolicy } from '@libs/outbound';
import { WebhookUrlPolicy } from '../../domain/webhooks/webhook-url.policy.js';

/** The outbound policy's save-time half (what it refuses without resolving a name) and WEBHOOK_ALLOW_HTTP. */
export class PolicyWebhookUrlPolicy extends WebhookUrlPolicy {
  constructor(
    private readonly policy: OutboundPolicy,
    readonly allowsHttp: boolean,
  ) {
    super();
  }

  problem(url: string): string | undefined {
    return this.policy.literalProblem(url);
  }
}
