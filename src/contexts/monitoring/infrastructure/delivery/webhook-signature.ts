import { createHmac } from 'node:crypto';

/** The header receivers verify a delivery with (README, "Verifying webhook deliveries"). */
export const SIGNATURE_HEADER = 'Webhook-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs: the time is signed with
 * the body, so a receiver that refuses old timestamps cannot be fed a captured delivery again.
 */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
