import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OutboundHttp } from './outbound-http.js';
import { OutboundPolicy, OutboundUrlRefused, type Resolve, type ResolvedAddress } from './outbound-policy.js';
import { sendPinned, type SendPinned } from './pinned-request.js';

/** Names only this test knows: the system resolver cannot answer them, so a fetch proves the pinning. */
const NAMES: Record<string, string[]> = {
  'allowed.test': ['127.0.0.1'],
  'second.test': ['127.0.0.1'],
  'loopback.test': ['127.0.0.1'],
  'v6-loopback.test': ['::1'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'nat64.test': ['64:ff9b::7f00:1'],
  'internal.test': ['10.0.0.5'],
  'metadata.test': ['169.254.169.254'],
  'cgnat.test': ['100.64.0.1'],
  'site-local.test': ['fec0::1'],
  'mixed.test': ['93.184.215.14', '192.168.1.1'],
};
const resolve: Resolve = (hostname) =>
  Promise.resolve(
    (NAMES[hostname] ?? []).map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
  );

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

const LIMITS = { maxRedirects: 5, maxResponseBytes: 65_536 };

describe('OutboundHttp under the outbound policy', () => {
  // A loopback service nobody allowed: every accepted connection is a breach.
  let breaches = 0;
  const inward = createServer((_request, response) => response.end('secret')).on('connection', () => (breaches += 1));
  let P = 0;
  // The allowed test service: answers /hello with the Host it saw, redirects /to?url=... there.
  const hostsSeen: string[] = [];
  const credentialsSeen: (string | undefined)[] = [];
  const allowed = createServer((request, response) => {
    hostsSeen.push(request.headers.host ?? '');
    credentialsSeen.push(request.headers.authorization);
    const target = new URL(request.url ?? '/', 'http://x').searchParams.get('url');
    if (target === null) response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    else response.writeHead(request.method === 'POST' ? 307 : 302, { location: target }).end();
  });
  let A = 0;
  let sends: { url: string; address: string }[] = [];
  const spy: SendPinned = (outbound, address, maxBytes, signal) => {
    sends.push({ url: outbound.url.href, address: address.address });
    return sendPinned(outbound, address, maxBytes, signal);
  };
  let http: OutboundHttp;
  const get = (url: string, method = 'GET') =>
    http.request({ method, url: new URL(url), headers: {} }, LIMITS, AbortSignal.timeout(5000));

  beforeAll(async () => {
    P = await listen(inward);
    A = await listen(allowed);
    const rules = {
      allowedSchemes: ['https', 'http'],
      allowPrivateNetworks: false,
      allowedPrivateHosts: [`allowed.test:${A}`, `second.test:${A}`],
    };
    http = new OutboundHttp(new OutboundPolicy(rules, resolve), spy);
  });
  afterAll(() => {
    inward.close();
    allowed.close();
  });
  beforeEach(() => {
    sends = [];
    hostsSeen.length = 0;
    credentialsSeen.length = 0;
  });

  // {P} is the inward service's port, known once it listens.
  const HOSTILE = [
    // IPv4 loopback in the encodings WHATWG URL parsing normalises
    'http://127.0.0.1:{P}/',
    'http://0x7f.1:{P}/',
    'http://2130706433:{P}/',
    'http://0177.0.0.1:{P}/',
    'http://127.1:{P}/',
    'http://0x7f000001:{P}/',
    'http://127.0.0.1.:{P}/',
    'http://%30x7f.1:{P}/',
    // IPv4 special ranges
    'http://0.0.0.0:{P}/',
    'http://0:{P}/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://192.0.0.8/',
    'http://192.0.2.1/',
    'http://198.51.100.7/',
    'http://203.0.113.9/',
    'http://198.18.0.1/',
    'http://192.88.99.1/',
    'http://224.0.0.1/',
    'http://240.0.0.1/',
    'http://255.255.255.255/',
    // IPv6 and the IPv6 forms that embed IPv4
    'http://[::1]:{P}/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]:{P}/',
    'http://[::ffff:7f00:1]:{P}/',
    'http://[::7f00:1]:{P}/',
    'http://[::127.0.0.1]:{P}/',
    'http://[::ffff:0:7f00:1]:{P}/',
    'http://[::ffff:169.254.169.254]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[64:ff9b:1::a00:1]/',
    'http://[2002:7f00:1::1]/',
    'http://[2002:5db8:d70e::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://[fec0::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://[2001:db8::1]/',
    'http://[3fff::1]/',
    'http://[2001:2::1]/',
    'http://[100::1]/',
    // names resolving inward, and the allowed name on another port
    'http://loopback.test:{P}/',
    'http://v6-loopback.test:{P}/',
    'http://mapped.test:{P}/',
    'http://nat64.test/',
    'http://internal.test/',
    'http://metadata.test/latest/meta-data/',
    'http://cgnat.test/',
    'http://site-local.test/',
    'http://mixed.test/',
    'http://allowed.test:{P}/',
    // schemes
    'file:///etc/passwd',
    'ftp://example.org/',
    'gopher://example.org/',
  ];

  const withPort = (url: string) => url.replace('{P}', String(P));

  it('checks a table of more than 40 hostile URLs', () => {
    expect(HOSTILE.length).toBeGreaterThan(40);
  });

  it.each(HOSTILE)('refuses %s without connecting', async (url) => {
    await expect(get(withPort(url))).rejects.toBeInstanceOf(OutboundUrlRefused);
    expect(sends).toEqual([]);
    expect(breaches).toBe(0);
  });

  const INWARD_TARGETS = [
    'http://127.0.0.1:{P}/admin',
    'http://0x7f.1:{P}/',
    'http://2130706433:{P}/',
    'http://[::ffff:127.0.0.1]:{P}/',
    'http://[::7f00:1]:{P}/',
    'http://loopback.test:{P}/',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'file:///etc/passwd',
  ];

  it.each(
    INWARD_TARGETS.flatMap((target) => [
      ['GET', target],
      ['POST', target],
    ]),
  )('refuses a %s redirected from the allowed host to %s, after the allowed hop only', async (method, target) => {
    const first = `http://allowed.test:${A}/to?url=${encodeURIComponent(withPort(target))}`;
    await expect(get(first, method)).rejects.toBeInstanceOf(OutboundUrlRefused);
    expect(sends).toEqual([{ url: first, address: '127.0.0.1' }]);
    expect(breaches).toBe(0);
  });

  it('fetches the allowed test host at the address it was checked at, keeping its name as Host', async () => {
    const response = await get(`http://allowed.test:${A}/hello`);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
    expect(sends).toEqual([{ url: `http://allowed.test:${A}/hello`, address: '127.0.0.1' }]);
    expect(hostsSeen).toEqual([`allowed.test:${A}`]);
  });

  it('connects an oddly written allowed address to the address it normalises to', async () => {
    const rules = { allowedSchemes: ['http'], allowPrivateNetworks: false, allowedPrivateHosts: [`127.0.0.1:${A}`] };
    const literal = new OutboundHttp(new OutboundPolicy(rules, resolve), spy);
    const response = await literal.request(
      { method: 'GET', url: new URL(`http://2130706433:${A}/hello`), headers: {} },
      LIMITS,
      AbortSignal.timeout(5000),
    );
    expect(response.body.toString()).toBe('hello');
    expect(sends).toEqual([{ url: `http://127.0.0.1:${A}/hello`, address: '127.0.0.1' }]);
  });

  it('keeps credentials on a redirect within the origin and drops them on one to another origin', async () => {
    const withToken = (url: string) =>
      http.request(
        { method: 'GET', url: new URL(url), headers: { Authorization: 'Bearer secret' } },
        LIMITS,
        AbortSignal.timeout(5000),
      );
    await withToken(`http://allowed.test:${A}/to?url=${encodeURIComponent(`http://allowed.test:${A}/hello`)}`);
    await withToken(`http://allowed.test:${A}/to?url=${encodeURIComponent(`http://second.test:${A}/hello`)}`);
    expect(hostsSeen).toEqual([`allowed.test:${A}`, `allowed.test:${A}`, `allowed.test:${A}`, `second.test:${A}`]);
    expect(credentialsSeen).toEqual(['Bearer secret', 'Bearer secret', 'Bearer secret', undefined]);
  });
});
