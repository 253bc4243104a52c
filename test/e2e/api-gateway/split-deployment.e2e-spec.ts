import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';
import { LINEAR_SIGNATURE } from '../../support/prediction/onnx-deployments.js';
import { GROUPS, SplitDeployment } from '../../support/split-deployment.js';
import { ADMIN, Client, newUser } from '../user-management/auth-client.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every `METHOD path` of a document. */
function operationsOf(document: Json): string[] {
  return Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The document `app` serves (`served`), or its own routes only (`instance`). */
async function ownDocumentOf(app: AppProcess, scope: 'instance' | 'served' = 'instance'): Promise<Json> {
  return (await fetch(`${app.url}/docs/openapi.json`, { headers: { 'x-openapi-scope': scope } })).json();
}

describe('a split deployment behind the gateway (issue 15)', () => {
  let deployment: SplitDeployment;
  let gateway: AppProcess;
  let workflows: AppProcess;
  let registry: AppProcess;
  let anonymous: Client;
  let client: Client;
  let token: string;
  let projectId: string;

  beforeAll(async () => {
    deployment = await SplitDeployment.create();
    // The identity process first: it runs user management's migrations, which every process's guard reads.
    workflows = await deployment.start(GROUPS.identityAndWorkflows);
    [registry, gateway] = await Promise.all([deployment.start(GROUPS.registry), deployment.start(GROUPS.gateway)]);
    anonymous = new Client(gateway.url);
    const tokens = await waitFor(() => anonymous.login(ADMIN.email, ADMIN.password).catch(() => undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: 'a login through the gateway',
    });
    token = `Bearer ${tokens.accessToken}`;
    client = anonymous.withToken(tokens.accessToken);
    await waitFor(async () => '/api/v1/projects/{projectId}/models' in (await ownDocumentOf(gateway, 'served')).paths, {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: 'the registry known to the gateway',
    });
  });
  afterAll(() => deployment?.close());

  it('serves a client that knows only the gateway: project, workflow run, model version, artifact up and down', async () => {
    const project = await client.call('POST', '/api/v1/projects', { name: `split-${Date.now()}` });
    expect(project.status).toBe(201);
    projectId = project.body.id;

    const workflow = await client.call('POST', `/api/v1/projects/${projectId}/workflows`, {
      name: 'through-the-gateway',
      tasks: [{ id: 'only', type: 'noop', params: { outputs: { routed: true } } }],
    });
    expect(workflow.status).toBe(201);
    const started = await client.call('POST', `/api/v1/workflows/${workflow.body.id}/runs`, { params: {} });
    expect(started.status).toBe(201);
    const run = await waitFor(
      async () => {
        const answer = await client.call('GET', `/api/v1/workflow-runs/${started.body.id}`);
        return answer.body.state === 'succeeded' ? answer.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the run to succeed' },
    );
    expect(run.taskRuns[0].outputs).toEqual({ routed: true });

    const model = await client.call('POST', `/api/v1/projects/${projectId}/models`, { name: 'split-model' });
    expect(model.status).toBe(201);
    const version = await client.call('POST', `/api/v1/models/${model.body.id}/versions`, { framework: 'onnx' });
    expect(version.status).toBe(201);

    // 2 MB streamed through the gateway each way, the answer's headers and length as the instance sent them.
    const bytes = randomBytes(2 * 1024 * 1024);
    const uploaded = await fetch(`${gateway.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as Json).artifact).toMatchObject({
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
    });
    const downloaded = await fetch(`${gateway.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      headers: { authorization: token },
    });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(bytes));

    const deployments = await client.call('GET', `/api/v1/projects/${projectId}/deployments`);
    expect(deployments.status).toBe(200);
  });

  it('deploys an approved ONNX version and answers predictions, rows and Open Inference Protocol, through the gateway only', async () => {
    const model = await client.call('POST', `/api/v1/projects/${projectId}/models`, { name: 'split-linear' });
    expect(model.status).toBe(201);
    const version = await client.call('POST', `/api/v1/models/${model.body.id}/versions`, {
      framework: 'onnx',
      signature: LINEAR_SIGNATURE,
    });
    expect(version.status).toBe(201);
    const uploaded = await fetch(`${gateway.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/octet-stream' },
      body: linearModel(LINEAR_WEIGHTS, LINEAR_BIAS),
    });
    expect(uploaded.status).toBe(200);

    // Four eyes: a second owner, invited and added through the gateway, approves the version.
    const approver = await newUser(client, anonymous);
    const added = await client.call('PUT', `/api/v1/projects/${projectId}/members/${approver.id}`, { role: 'owner' });
    expect(added.status).toBe(200);
    const approved = await approver.client.call('POST', `/api/v1/model-versions/${version.body.id}/approval`, {
      decision: 'Approved',
      comment: 'checked through the gateway',
    });
    expect(approved.status).toBe(200);

    const deployment = await client.call('POST', `/api/v1/projects/${projectId}/deployments`, {
      name: 'split-linear',
      variants: [{ name: 'champion', model: version.body.id, runtime: 'onnx' }],
    });
    expect(deployment.status).toBe(201);
    expect(deployment.body).toMatchObject({ name: 'split-linear', status: 'Active' });
    const listed = await client.call('GET', `/api/v1/projects/${projectId}/deployments`);
    expect((listed.body.items as { id: string }[]).map((item) => item.id)).toContain(deployment.body.id);

    // y = x·W + b by hand: [1,0,0]·W = [1, 2], [0,1,1]·W = [3+5, 4+6]; plus b = [0.5, -1].
    const predicted = await client.call('POST', `/api/v1/deployments/${deployment.body.id}/predict`, {
      instances: [
        [1, 0, 0],
        [0, 1, 1],
      ],
    });
    expect(predicted.status).toBe(200);
    expect(predicted.body.predictions).toEqual([
      [1.5, 1],
      [8.5, 9],
    ]);
    const serving = client.withHeaders({ 'x-project-id': projectId });
    const inferred = await serving.call('POST', '/v2/models/split-linear/infer', {
      inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 0, 0, 0, 1, 1] }],
    });
    expect(inferred.status).toBe(200);
    expect(inferred.body.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [2, 2], data: [1.5, 1, 8.5, 9] }]);
  });

  it('lets monitoring (in the registry’s process) read the workflow engine’s facades (in the other process)', async () => {
    const scheduled = await client.call('POST', `/api/v1/projects/${projectId}/workflows`, {
      name: 'split-yearly',
      schedule: { cron: '0 0 1 1 *', timezone: 'UTC', catchUp: 'none' },
      tasks: [{ id: 'only', type: 'noop', params: {} }],
    });
    expect(scheduled.status).toBe(201);
    const suggested = await client.call('GET', `/api/v1/projects/${projectId}/slo-suggestions`);
    expect(suggested.status).toBe(200);
    const subjects = (suggested.body.items as { subject: { kind: string; id: string; name: string } }[]).map(
      (item) => item.subject,
    );
    expect(subjects).toContainEqual({ kind: 'workflow', id: scheduled.body.id, name: 'split-yearly' });
  });

  it('keeps the request id across the hop, answers a route nobody serves with 404 and a malformed project id with 4xx', async () => {
    const requestId = '0193a3f0-0000-7000-8000-00000000abcd';
    const me = await client.withHeaders({ 'x-request-id': requestId }).call('GET', '/api/v1/users/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('x-request-id')).toBe(requestId);
    const unknown = await client.call('GET', '/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    // The gateway reads a project's own limits by the id in the path: a malformed one is the instance's 4xx.
    const malformed = await client.call('POST', '/api/v1/projects/not-a-uuid/workflows', { name: 'x', tasks: [] });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists every route of every instance once in the gateway’s merged document', async () => {
    const merged = await ownDocumentOf(gateway, 'served');
    const instances = [...operationsOf(await ownDocumentOf(workflows)), ...operationsOf(await ownDocumentOf(registry))];
    const listed = operationsOf(merged);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(instances));
    expect(listed).toContain('POST /api/v1/auth/login');
    expect(listed).toContain('PUT /api/v1/model-versions/{id}/artifact');
    const operationIds = listed.map((operation) => {
      const [method, path] = operation.split(' ');
      return merged.paths[path][method.toLowerCase()].operationId as string;
    });
    expect(new Set(operationIds).size).toBe(operationIds.length);
    const tags = (merged.tags as { name: string }[]).map((tag) => tag.name);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toEqual(
      expect.arrayContaining(['user-management', 'workflow-engine', 'model-registry', 'prediction']),
    );
    expect(merged.components.schemas.Problem).toBeDefined();
  });

  it('answers 503 problem+json at once while the registry is down, serves the rest, and routes to it again after a restart', async () => {
    const modelsPath = `/api/v1/projects/${projectId}/models`;
    await registry.kill();

    const opened = await waitFor(
      async () => {
        const answer = await client.call('GET', modelsPath);
        return answer.body?.type === '/problems/upstream-circuit-open' ? answer : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 20, what: 'the breaker to open' },
    );
    expect(opened.status).toBe(503);
    for (let call = 0; call < 5; call += 1) {
      const sent = Date.now();
      const answer = await client.call('POST', modelsPath, { name: `while-down-${call}` });
      expect(Date.now() - sent).toBeLessThan(1000);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect((await client.call('GET', '/api/v1/users/me')).status).toBe(200);
    expect((await client.call('GET', `/api/v1/projects/${projectId}`)).status).toBe(200);

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /gateway_upstream_breaker_state\{upstream="http:\/\/127\.0\.0\.1:\d+",calls="forwarded"\} 2/,
    );
    expect(metrics).toMatch(
      /gateway_upstream_breaker_transitions_total\{[^}]*calls="forwarded"[^}]*from="closed"[^}]*to="open"[^}]*\} 1/,
    );

    registry = await deployment.start(GROUPS.registry);
    const back = await waitFor(
      async () => {
        const answer = await client.call('GET', modelsPath);
        return answer.status === 200 ? answer : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the restarted registry to be routed to' },
    );
    expect((back.body.items as { name: string }[]).map((model) => model.name)).toContain('split-model');
  });
});
