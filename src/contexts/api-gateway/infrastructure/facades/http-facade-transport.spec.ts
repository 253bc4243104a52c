import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  FacadeUnavailable,
  RemoteFacadeRefusal,
  SERVICE_CALL_SIGNATURE_HEADER,
  SERVICE_CALL_TIME_HEADER,
  verifyServiceCall,
  type FacadeCall,
} from '@libs/platform';
import type { ServiceInstance } from '../../domain/service-instance.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { Upstream } from '../routing/upstream.js';
import { UpstreamBreaker } from '../routing/upstream-breaker.js';
import type { ContextOwners } from './context-owners.js';
import { HttpFacadeTransport } from './http-facade-transport.js';

const SECRET = 's'.repeat(32);
const SETTINGS = {
  tryTimeoutMs: 500,
  maxRetries: 2,
  retryBudgetRatio: 0.2,
  retryBudgetMinimum: 10,
  retryBudgetWindowMs: 10_000,
  breakerFailureRatio: 0.5,
  breakerWindowCalls: 20,
  breakerMinimumCalls: 5,
  breakerHalfOpenAfterMs: 5000,
} as GatewaySettings;

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** An owner instance on a port of its own, answering as `handler` says, counting the calls it takes. */
class FakeOwner {
  calls = 0;
  handler: Handler = (_request, _body, response) => response.end('null');
  readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      this.calls += 1;
      this.handler(request, body, response);
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  upstream(): Upstream {
    const { port } = this.server.address() as AddressInfo;
    const instance: ServiceInstance = {
      id: `owner-${port}`,
      url: `http://127.0.0.1:${port}`,
      contexts: ['model-registry'],
      role: 'api',
      version: 'test',
      startedAt: '',
      heartbeatAt: 0,
    };
    return new Upstream(instance, new UpstreamBreaker(SETTINGS, () => undefined));
  }
}

const problem = (response: ServerResponse, status: number, slug: string, detail: string) => {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: `/problems/${slug}`, title: 'x', status, detail }));
};

const READ: FacadeCall = {
  context: 'model-registry',
  operation: 'resolve-alias',
  args: ['p1', 'churn', 'champion'],
  idempotent: true,
};
const MOVE: FacadeCall = {
  context: 'model-registry',
  operation: 'move-alias',
  args: [{ alias: 'a' }],
  idempotent: false,
};

describe('HttpFacadeTransport', () => {
  const owners: FakeOwner[] = [];
  let candidates: Upstream[] = [];
  const made: HttpFacadeTransport[] = [];
  const transport = ({ secret }: { secret: string | undefined } = { secret: SECRET }) => {
    const owners = { of: () => Promise.resolve(candidates) } as unknown as ContextOwners;
    made.push(new HttpFacadeTransport(owners, SETTINGS, { secret, maxSkewMs: 30_000 }));
    return made.at(-1)!;
  };

  beforeAll(async () => {
    owners.push(await new FakeOwner().start(), await new FakeOwner().start());
  });
  afterAll(async () => {
    await Promise.all(made.map((client) => client.beforeApplicationShutdown()));
    for (const owner of owners) owner.server.closeAllConnections();
    await Promise.all(owners.map((owner) => new Promise((resolve) => owner.server.close(resolve))));
  });

  function reset(count: number): FakeOwner[] {
    for (const owner of owners) owner.calls = 0;
    candidates = owners.slice(0, count).map((owner) => owner.upstream());
    return owners.slice(0, count);
  }

  it('signs the call to the owner’s internal route and answers its result, dates as dates', async () => {
    const [owner] = reset(1);
    let verified = false;
    owner.handler = (request, body, response) => {
      const headers = {
        time: request.headers[SERVICE_CALL_TIME_HEADER] as string,
        signature: request.headers[SERVICE_CALL_SIGNATURE_HEADER] as string,
      };
      verified = verifyServiceCall(SECRET, { method: request.method!, path: request.url!, body }, headers, 30_000);
      expect(request.url).toBe('/api/v1/internal/facades/model-registry/resolve-alias');
      expect(JSON.parse(body)).toEqual(['p1', 'churn', 'champion']);
      response.end(JSON.stringify({ versionId: 'v1', at: { $date: '2026-12-07T10:00:00.000Z' } }));
    };
    expect(await transport().call(READ)).toEqual({ versionId: 'v1', at: new Date('2026-12-07T10:00:00.000Z') });
    expect(verified).toBe(true);
  });

  it('answers undefined for the owner’s 404 of an absent result, and rethrows its refusals as the same domain error', async () => {
    const [owner] = reset(1);
    owner.handler = (_request, _body, response) => problem(response, 404, 'facade-result-absent', 'none');
    expect(await transport().call(READ)).toBeUndefined();
    owner.handler = (_request, _body, response) => problem(response, 409, 'alias-protected', 'the alias is protected');
    const refusal = await transport()
      .call(MOVE)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RemoteFacadeRefusal);
    expect(refusal).toMatchObject({ type: 'alias-protected', kind: 'conflict', message: 'the alias is protected' });
  });

  it('tries a read again on the other instance after a 5xx, but never a call that is not idempotent', async () => {
    const [failing, healthy] = reset(2);
    failing.handler = (_request, _body, response) => problem(response, 500, 'internal', 'boom');
    healthy.handler = (_request, _body, response) => response.end('{"versionId":"v1"}');
    // Both are idle: the first listed is chosen first.
    expect(await transport().call(READ)).toEqual({ versionId: 'v1' });
    expect([failing.calls, healthy.calls]).toEqual([1, 1]);

    reset(2);
    const moved = await transport()
      .call(MOVE)
      .catch((error: unknown) => error);
    expect(moved).toBeInstanceOf(FacadeUnavailable);
    expect(failing.calls + healthy.calls).toBe(1);
  });

  it('bounds each try by the try timeout, and refuses at once with no instance or no secret', async () => {
    const [silent] = reset(1);
    silent.handler = () => undefined;
    await expect(transport().call(MOVE)).rejects.toThrow(FacadeUnavailable);
    expect(silent.calls).toBe(1);
    candidates = [];
    await expect(transport().call(READ)).rejects.toThrow('No running instance hosts model-registry');
    reset(1);
    await expect(transport({ secret: undefined }).call(READ)).rejects.toThrow('SERVICE_CALL_SECRET is not set');
    expect(silent.calls).toBe(0);
  });

  it('says the secrets differ when the owner refuses the signature', async () => {
    const [owner] = reset(1);
    owner.handler = (_request, _body, response) => problem(response, 401, 'service-call-refused', 'unsigned');
    await expect(transport().call(READ)).rejects.toThrow('is SERVICE_CALL_SECRET the same in both?');
  });
});
