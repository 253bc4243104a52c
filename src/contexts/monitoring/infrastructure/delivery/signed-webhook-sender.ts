import { performance } from 'node:perf_hooks';
import { OutboundHttp, OutboundUrlRefused } from '@libs/outbound';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookSender, type WebhookRequest } from '../../application/ports/webhook-sender.js';
import { SIGNATURE_HEADER, webhookSignature } from './webhook-signature.js';

// A receiver answers with a status; its body is not read beyond this, and redirects are not followed
// (a moved endpoint is the subscriber's to update, and each hop would be one more place the event goes).
const LIMITS = { maxRedirects: 0, maxResponseBytes: 64 * 1024 };
const MAX_ERROR_LENGTH = 500;

/** Sends one signed attempt through the outbound policy (pinned address, timeout). */
export class SignedWebhookSender extends WebhookSender {
  constructor(
    private readonly http: OutboundHttp,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async send(request: WebhookRequest): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const response = await this.http.request(
        {
          method: 'POST',
          url: new URL(request.url),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'ml-platform-webhooks/1',
            'webhook-id': request.deliveryId,
            'webhook-event-type': request.eventType,
            [SIGNATURE_HEADER.toLowerCase()]: webhookSignature(request.secret, request.body, startedAt),
          },
          body: request.body,
        },
        LIMITS,
        AbortSignal.timeout(this.timeoutMs),
      );
      return { startedAt, durationMs: elapsed(), statusCode: response.status };
    } catch (error) {
      // A refused URL stays refused: retrying only delays the dead letter.
      const permanent = error instanceof OutboundUrlRefused;
      return { startedAt, durationMs: elapsed(), error: describe(error), permanent };
    }
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}
