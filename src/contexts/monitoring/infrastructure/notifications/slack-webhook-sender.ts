import { performance } from 'node:perf_hooks';
import { OutboundPolicy, OutboundUrlRefused, sendPinned, type SendPinned } from '@libs/outbound';
import { SlackSender } from '../../application/ports/notification-sender.js';
import { alertGroupText, type AlertGroupMessage } from '../../application/services/alert-group-message.js';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';

const MAX_RESPONSE_BYTES = 16 * 1024;
const MAX_ERROR_LENGTH = 500;

/**
 * Posts a group's notification as `{ text }` to a Slack-compatible incoming webhook, through the
 * outbound policy (the address it checked, pinned, within a timeout). Redirects are not followed.
 */
export class SlackWebhookSender extends SlackSender {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
    private readonly sendTo: SendPinned = sendPinned,
  ) {
    super();
  }

  async send(url: string, message: AlertGroupMessage): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    try {
      const target = new URL(url);
      const response = await this.sendTo(
        {
          method: 'POST',
          url: target,
          headers: { 'content-type': 'application/json', 'user-agent': 'ml-platform-alerts/1' },
          body: JSON.stringify({ text: alertGroupText(message).text }),
        },
        await this.policy.check(target),
        MAX_RESPONSE_BYTES,
        AbortSignal.timeout(this.timeoutMs),
      );
      return { startedAt, durationMs: performance.now() - started, statusCode: response.status };
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        startedAt,
        durationMs: performance.now() - started,
        error: reason.slice(0, MAX_ERROR_LENGTH),
        permanent: error instanceof OutboundUrlRefused,
      };
    }
  }
}
