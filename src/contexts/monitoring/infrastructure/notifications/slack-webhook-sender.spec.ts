import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundPolicy } from '@libs/outbound';
import type { AlertGroupMessage } from '../../application/services/alert-group-message.js';
import { SlackWebhookSender } from './slack-webhook-sender.js';

const MESSAGE: AlertGroupMessage = {
  status: 'firing',
  route: 'on-call',
  groupKey: '["failing"]',
  groupLabels: { alertname: 'failing' },
  commonLabels: { alertname: 'failing' },
  alerts: [
    {
      status: 'firing',
      alertId: 'a',
      ruleId: 'r',
      labels: { alertname: 'failing' },
      annotations: { summary: 'failure rate 1' },
      value: 1,
      activeSince: null,
      lineage: [],
    },
  ],
};

describe('SlackWebhookSender', () => {
  const seen: string[] = [];
  // /gone answers 404; anything else 200, as Slack answers "ok".
  const receiver: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push(Buffer.concat(chunks).toString());
      response.writeHead(request.url === '/gone' ? 404 : 200).end('ok');
    });
  });
  let base = '';
  let sender: SlackWebhookSender;

  beforeAll(async () => {
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const { port } = receiver.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    const policy = new OutboundPolicy({
      allowedSchemes: ['https', 'http'],
      allowPrivateNetworks: false,
      allowedPrivateHosts: [`127.0.0.1:${port}`],
    });
    sender = new SlackWebhookSender(policy, 1000);
  });
  afterAll(() => {
    receiver.closeAllConnections();
    receiver.close();
  });

  it('posts the group as one text message and reports the status', async () => {
    const outcome = await sender.send(`${base}/hook`, MESSAGE);
    expect(outcome.statusCode).toBe(200);
    expect(JSON.parse(seen[seen.length - 1])).toEqual({
      text: '[FIRING:1] failing\n\n- firing: failure rate 1 (value 1)',
    });
    expect((await sender.send(`${base}/gone`, MESSAGE)).statusCode).toBe(404);
  });

  it('refuses for good a URL the outbound policy refuses', async () => {
    const outcome = await sender.send('http://10.0.0.1/hook', MESSAGE);
    expect(outcome).toMatchObject({ permanent: true });
    expect(outcome.error).toBeDefined();
  });
});
