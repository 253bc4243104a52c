import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundPolicy } from '@libs/outbound';
import type { JsonObject } from '../../domain/json-value.js';
import { readWorkflowEngineConfig } from '../config/workflow-engine-config.js';
import { HttpExecutor } from './http.executor.js';

describe('HttpExecutor', () => {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const executor = new HttpExecutor(
    readWorkflowEngineConfig({}),
    new OutboundPolicy({ allowedSchemes: ['http'], allowPrivateNetworks: true, allowedPrivateHosts: [] }),
  );
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/effects`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = (params: JsonObject, key: string) =>
    executor.execute({ method: 'POST', url, ...params }, new AbortController().signal, {
      runId: 'run-1',
      key,
    });

  it('sends every attempt of a task run with the same Idempotency-Key, and another task run with its own', async () => {
    received.length = 0;
    await send({}, 'train');
    await send({}, 'train');
    await send({}, 'score[2]');
    expect(received.map((headers) => headers['idempotency-key'])).toEqual([
      'run-1/train',
      'run-1/train',
      'run-1/score[2]',
    ]);
  });

  it("keeps the definition's own Idempotency-Key, whatever its case", async () => {
    received.length = 0;
    await send({ headers: { 'Idempotency-Key': 'mine' } }, 'train');
    expect(received[0]?.['idempotency-key']).toBe('mine');
  });
});
