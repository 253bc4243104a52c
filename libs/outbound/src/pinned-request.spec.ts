import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sendPinned } from './pinned-request.js';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

const LOOPBACK = { address: '127.0.0.1', family: 4 } as const;
const get = (url: string, maxBytes = 1024) =>
  sendPinned({ method: 'GET', url: new URL(url), headers: {} }, LOOPBACK, maxBytes, AbortSignal.timeout(5000));

describe('sendPinned', () => {
  const hosts: string[] = [];
  const plain = createHttpServer((request, response) => {
    hosts.push(request.headers.host ?? '');
    response.end(request.url === '/big' ? 'x'.repeat(4096) : 'pinned');
  });
  // A self-signed certificate for model.test: the client must send that name and refuse the certificate.
  const serverNames: string[] = [];
  let tls: Server;
  let plainPort = 0;
  let tlsPort = 0;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinned-'));
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=model.test'],
        ...['-addext', 'subjectAltName=DNS:model.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    const credentials = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    rmSync(dir, { recursive: true });
    tls = createHttpsServer(
      {
        ...credentials,
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null, createSecureContext(credentials));
        },
      },
      (_request, response) => response.end('tls'),
    );
    plainPort = await listen(plain);
    tlsPort = await listen(tls);
  });
  afterAll(() => {
    plain.close();
    tls.close();
  });

  it('connects to the checked address, never resolving the name, and keeps the name as Host', async () => {
    // nowhere.test is a reserved name no resolver answers: reaching the server proves the pinning.
    const response = await get(`http://nowhere.test:${plainPort}/x`);
    expect(response.body.toString()).toBe('pinned');
    expect(hosts.at(-1)).toBe(`nowhere.test:${plainPort}`);
  });

  it('sends the name as TLS SNI and still verifies the certificate', async () => {
    await expect(get(`https://model.test:${tlsPort}/`)).rejects.toThrow(/self[- ]signed/i);
    expect(serverNames).toEqual(['model.test']);
  });

  it('aborts a response larger than its limit', async () => {
    await expect(get(`http://nowhere.test:${plainPort}/big`, 1024)).rejects.toThrow(/larger than 1024 bytes/);
  });
});
