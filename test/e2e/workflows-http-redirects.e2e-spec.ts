import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * The SSRF policy checks every hop of a redirect, not only the URL the definition names: a service
 * the operator allowed (OUTBOUND_ALLOWED_PRIVATE_HOSTS) must not be usable as a springboard to
 * loopback or the cloud metadata address.
 */
describe('http tasks following redirects', () => {
  let world: WorkflowWorld;
  let connectionsToTarget = 0;
  const redirectorRequests: string[] = [];
  // An internal service nobody allowed: any connection to it is a policy breach.
  const target = createServer((_request, response) => response.end('{"secret":true}')).on(
    'connection',
    () => (connectionsToTarget += 1),
  );
  let targetPort = 0;
  // The allowed service: it answers /ok itself and redirects the other paths inward.
  const redirector = createServer((request, response) => {
    redirectorRequests.push(request.url ?? '');
    const locations: Record<string, string> = {
      '/to-loopback': `http://127.0.0.1:${targetPort}/admin`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    };
    const location = locations[request.url ?? ''];
    if (location === undefined) response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    else response.writeHead(request.method === 'POST' ? 307 : 302, { location }).end();
  });
  let redirectorUrl = '';

  beforeAll(async () => {
    targetPort = await listen(target);
    const redirectorPort = await listen(redirector);
    redirectorUrl = `http://127.0.0.1:${redirectorPort}`;
    world = await startWorkflowWorld({ OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${redirectorPort}` });
  });
  afterAll(async () => {
    await world.app.close();
    target.close();
    redirector.close();
  });

  async function runCall(name: string, method: string, path: string): Promise<Json> {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name,
      tasks: [{ id: 'call', type: 'http', params: { method, url: `${redirectorUrl}${path}` } }],
    });
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    return waitForRun(owner.client, started.body.id as string);
  }

  it('reaches a private host on the allow-list', async () => {
    const run = await runCall('allowed-host', 'GET', '/ok');
    expect(run.state).toBe('succeeded');
    expect(run.taskRuns[0].outputs).toMatchObject({ status: 200, body: { ok: true } });
  });

  it.each([
    ['GET', 302],
    ['POST', 307],
  ])('refuses a %s redirected (%i) from an allowed host to loopback, and never connects to it', async (method) => {
    const before = redirectorRequests.length;
    const run = await runCall(`to-loopback-${method.toLowerCase()}`, method, '/to-loopback');
    expect(run.state).toBe('failed');
    expect(run.taskRuns[0].error).toBe('127.0.0.1 is not a public address (loopback)');
    // The first hop was made (the allow-list works); the second was refused before connecting.
    expect(redirectorRequests.slice(before)).toEqual(['/to-loopback']);
    expect(connectionsToTarget).toBe(0);
  });

  it('refuses a redirect from an allowed host to the cloud metadata address with a policy error', async () => {
    const run = await runCall('to-metadata', 'GET', '/to-metadata');
    expect(run.state).toBe('failed');
    // A connection attempt would have ended in a network error (timeout, unreachable) instead.
    expect(run.taskRuns[0].error).toBe('169.254.169.254 is not a public address (linkLocal)');
  });
});
