import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly answered: number;
  /** When it arrived (epoch milliseconds): what timing tests measure. */
  readonly receivedAt: number;
}

/**
 * A webhook receiver on a loopback port: it records every request and answers each path with the
 * statuses scripted for it, in turn (the last one repeats; 200 when none is scripted).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const script = this.scripts.get(path) ?? [200];
      const answered = script.length > 1 ? script.shift()! : script[0];
      this.received.push({
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
        receivedAt: Date.now(),
      });
      response.writeHead(answered, { 'content-type': 'text/plain' }).end('ok');
    });
  });

  async start(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  answer(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }
}

/**
 * What a receiver does with `Webhook-Signature: t=<seconds>,v1=<hex>` (README, "Verifying webhook
 * deliveries"): recompute the HMAC of "<t>.<raw body>" with the secret, compare in constant time,
 * and refuse a timestamp older than the tolerance, so a captured delivery cannot be replayed.
 */
export function signatureIsValid(
  header: string | undefined,
  body: string,
  secret: string,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || signature === undefined) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
