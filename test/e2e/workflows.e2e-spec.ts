import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newUser } from './user-management/auth-client.js';
import { createWorkflow, sendRaw, startWorkflowWorld, type WorkflowWorld } from './workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const PIPELINE_YAML = `
name: yaml-pipeline
params:
  type: object
  properties:
    epochs: { type: integer, default: 3 }
tasks:
  - id: prepare
    type: noop
  - id: train
    type: sleep
    dependsOn: [prepare]
    params: { ms: 1 }
  - id: evaluate
    type: noop
    dependsOn: [prepare]
  - id: publish
    type: noop
    dependsOn: [train, evaluate]
`;

describe('workflow definitions over HTTP', () => {
  let world: WorkflowWorld;
  let token: string;
  const workflows = (projectId: string) => `/api/v1/projects/${projectId}/workflows`;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    token = world.owner.tokens.accessToken;
  });
  afterAll(() => world.app.close());

  it('creates a workflow from YAML and plans its layers with the params defaults', async () => {
    const { owner, projectId } = world;
    const created = await sendRaw(owner.client, 'POST', workflows(projectId), 'application/yaml', PIPELINE_YAML, token);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ name: 'yaml-pipeline', version: 1, projectId });
    const plan = await owner.client.call('POST', `/api/v1/workflows/${created.body.id}/plan`, { params: {} });
    expect(plan.status).toBe(200);
    expect(plan.body.params).toEqual({ epochs: 3 });
    expect((plan.body.layers as string[][]).map((layer) => [...layer].sort())).toEqual([
      ['prepare'],
      ['evaluate', 'train'],
      ['publish'],
    ]);
    const badParams = await owner.client.call('POST', `/api/v1/workflows/${created.body.id}/plan`, {
      params: { epochs: 'many' },
    });
    expect(badParams.status).toBe(400);
    expect(badParams.body.errors[0].field).toBe('params.epochs');
  });

  it('answers 400 listing every problem of an invalid definition, and for unreadable YAML', async () => {
    const { owner, projectId } = world;
    const invalid = await owner.client.call('POST', workflows(projectId), {
      name: 'broken',
      tasks: [
        { id: 'a', type: 'noop', dependsOn: ['b'] },
        { id: 'b', type: 'noop', dependsOn: ['a'] },
        { id: 'c', type: 'teleport' },
        { id: 'd', type: 'sleep', params: { ms: 'soon' } },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = (invalid.body.errors as { field: string }[]).map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['tasks[2].type', 'tasks[3].params.ms']));
    expect(JSON.stringify(invalid.body.errors)).toMatch(/cycle/i);
    const unreadable = await sendRaw(owner.client, 'POST', workflows(projectId), 'application/yaml', 'a: [', token);
    expect(unreadable.status).toBe(400);
  });

  it('adds version N+1 on PUT, guarded by If-Match, and keeps earlier versions readable', async () => {
    const { owner, projectId } = world;
    const definition = { name: 'versioned', tasks: [{ id: 'only', type: 'noop' }] };
    const id = await createWorkflow(owner.client, projectId, definition);
    const changed = { ...definition, tasks: [...definition.tasks, { id: 'more', type: 'noop', dependsOn: ['only'] }] };
    const stale = owner.client.withHeaders({ 'if-match': '"7"' });
    expect((await stale.call('PUT', `/api/v1/workflows/${id}`, changed)).status).toBe(412);
    const current = owner.client.withHeaders({ 'if-match': '"1"' });
    const updated = await current.call('PUT', `/api/v1/workflows/${id}`, changed);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body.version).toBe(2);
    expect((await current.call('PUT', `/api/v1/workflows/${id}`, changed)).status).toBe(412);
    const first = await owner.client.call('GET', `/api/v1/workflows/${id}/versions/1`);
    expect(first.body.definition.tasks).toHaveLength(1);
    expect((await owner.client.call('GET', `/api/v1/workflows/${id}/versions/9`)).status).toBe(404);
    expect((await owner.client.call('GET', `/api/v1/workflows/${id}/versions/x`)).status).toBe(400);
  });

  it('refuses a second workflow of the same name in a project with 409', async () => {
    const { owner, projectId } = world;
    await createWorkflow(owner.client, projectId, { name: 'twin', tasks: [{ id: 'a', type: 'noop' }] });
    const again = await owner.client.call('POST', workflows(projectId), {
      name: 'twin',
      tasks: [{ id: 'a', type: 'noop' }],
    });
    expect(again.status).toBe(409);
  });

  it('lists workflows a page at a time', async () => {
    const { owner } = world;
    const projectId = (await owner.client.call('POST', '/api/v1/projects', { name: 'paged' })).body.id as string;
    for (const name of ['one', 'two', 'three']) {
      await createWorkflow(owner.client, projectId, { name, tasks: [{ id: 'a', type: 'noop' }] });
    }
    const first = await owner.client.call('GET', `${workflows(projectId)}?limit=2`);
    expect((first.body.items as Json[]).map((item) => item.name)).toEqual(['one', 'two']);
    const second = await owner.client.call('GET', `${workflows(projectId)}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ name: 'three' }], nextCursor: null });
    expect((await owner.client.call('GET', `${workflows(projectId)}?limit=1000`)).status).toBe(400);
  });

  it("answers 404 for another project's workflow and run, and 403 when a viewer starts a run", async () => {
    const { owner, admin, anonymous, projectId } = world;
    const id = await createWorkflow(owner.client, projectId, { name: 'private', tasks: [{ id: 'a', type: 'noop' }] });
    const run = await owner.client.call('POST', `/api/v1/workflows/${id}/runs`, {});
    const stranger = await newUser(admin, anonymous);
    expect((await stranger.client.call('GET', `/api/v1/workflows/${id}`)).status).toBe(404);
    expect((await stranger.client.call('POST', `/api/v1/workflows/${id}/runs`, {})).status).toBe(404);
    expect((await stranger.client.call('GET', `/api/v1/workflow-runs/${run.body.id}`)).status).toBe(404);
    expect((await stranger.client.call('POST', `/api/v1/workflow-runs/${run.body.id}/cancel`, {})).status).toBe(404);
    expect((await stranger.client.call('GET', workflows(projectId))).status).toBe(404);
    expect((await stranger.client.call('GET', '/api/v1/workflows/not-a-uuid')).status).toBe(404);

    const viewer = await newUser(admin, anonymous);
    await owner.client.call('PUT', `/api/v1/projects/${projectId}/members/${viewer.id}`, { role: 'viewer' });
    expect((await viewer.client.call('GET', `/api/v1/workflows/${id}`)).status).toBe(200);
    expect((await viewer.client.call('GET', `/api/v1/workflow-runs/${run.body.id}`)).status).toBe(200);
    const refused = await viewer.client.call('POST', `/api/v1/workflows/${id}/runs`, {});
    expect(refused.status).toBe(403);
    expect((await viewer.client.call('POST', workflows(projectId), { name: 'x', tasks: [] })).status).toBe(403);
  });
});
