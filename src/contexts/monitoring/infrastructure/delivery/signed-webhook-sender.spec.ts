import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundPolicy } from '@libs/outbound';
import { scaled } from '@libs/testing';
import { SignedWebhookSender } from './signed-webhook-sender.js';
import { webhookSignature } from './webhook-signature.js';

describe('SignedWebhookSender', () => {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  // /silent never answers (until the receiver closes); /moved redirects; anything else answers 204.
  const receiver: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      if (request.url === '/silent') return;
      if (request.url === '/moved') response.writeHead(301, { location: '/in' }).end();
      else response.writeHead(204).end();
    });
  });
  let base = '';
  let sender: SignedWebhookSender;
  // Its own sender, whose short timeout only a receiver that never answers can meet: with one
  // sender of 200 ms, a delivery to /in timed out too on a busy machine.
  let impatientSender: SignedWebhookSender;

  beforeAll(async () => {
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const { port } = receiver.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    const policy = new OutboundPolicy({
      allowedSchemes: ['https', 'http'],
      allowPrivateNetworks: false,
      allowedPrivateHosts: [`127.0.0.1:${port}`],
    });
    sender = new SignedWebhookSender(policy, scaled(10_000));
    impatientSender = new SignedWebhookSender(policy, 200);
  });
  afterAll(() => {
    receiver.closeAllConnections();
    receiver.close();
  });

  const request = (url: string) => ({
    url,
    secret: 'whsec_s',
    deliveryId: 'd-1',
    eventType: 'x.y.z.v1',
    body: '{"n":1}',
  });

  it('posts the body as JSON with the delivery id, the event type and a signature over time and body', async () => {
    seen.length = 0;
    const outcome = await sender.send(request(`${base}/in`));
    expect(outcome).toMatchObject({ statusCode: 204 });
    expect(outcome.error).toBeUndefined();
    const [{ headers, body }] = seen;
    expect(body).toBe('{"n":1}');
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'd-1',
      'webhook-event-type': 'x.y.z.v1',
    });
    expect(headers['webhook-signature']).toBe(webhookSignature('whsec_s', body, outcome.startedAt));
  });

  it('reports a timeout as an error to retry, and a redirect as the status it is', async () => {
    const slow = await impatientSender.send(request(`${base}/silent`));
    expect(slow).toMatchObject({ permanent: false });
    expect(slow.error).toMatch(/abort|timeout/i);
    expect(slow.statusCode).toBeUndefined();
    expect(await sender.send(request(`${base}/moved`))).toEqual(expect.objectContaining({ statusCode: 301 }));
  });

  it('reports a URL the policy refuses as permanent, without connecting', async () => {
    seen.length = 0;
    const refused = await sender.send(request('http://10.0.0.5/in'));
    expect(refused).toMatchObject({ permanent: true, error: expect.stringContaining('not a public address') });
    expect(seen).toEqual([]);
  });
});
