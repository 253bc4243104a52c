import { performance } from 'node:perf_hooks';
import { OutboundPolicy, OutboundUrlRefused, sendPinned, type SendPinned } from '@libs/outbound';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookSender, type WebhookRequest } from '../../application/ports/webhook-sender.js';
import { SIGNATURE_HEADER, webhookSignature } from './webhook-signature.js';

// A receiver answers with a status; its body is not read beyond this. Redirects are not followed: a
// 3xx is a failed attempt like any non-2xx (a moved endpoint is the subscriber's to update, and each
// hop would be one more place the event goes), so one checked hop is all a request needs.
const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 500;

/** Sends one signed attempt through the outbound policy: the address it checked, pinned, within a timeout. */
export class SignedWebhookSender extends WebhookSender {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
    private readonly sendTo: SendPinned = sendPinned,
  ) {
    super();
  }

  async send(request: WebhookRequest): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const url = new URL(request.url);
      const signal = AbortSignal.timeout(this.timeoutMs);
      const response = await this.sendTo(
        {
          method: 'POST',
          url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'ml-platform-webhooks/1',
            'webhook-id': request.deliveryId,
            'webhook-event-type': request.eventType,
            [SIGNATURE_HEADER.toLowerCase()]: webhookSignature(request.secret, request.body, startedAt),
          },
          body: request.body,
        },
        await this.policy.check(url),
        MAX_RESPONSE_BYTES,
        signal,
      );
      return { startedAt, durationMs: elapsed(), statusCode: response.status };
    } catch (error) {
      // A refused URL stays refused: retrying only delays the dead letter.
      const permanent = error instanceof OutboundUrlRefused;
      return { startedAt, durationMs: elapsed(), error: reasonOf(error), permanent };
    }
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}
