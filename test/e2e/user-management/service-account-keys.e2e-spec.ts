import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { ADMIN, AUTH_ONLY, Client, FAST_AUTH_ENV, newUser, type NewUser } from './auth-client.js';
import { ProjectProbeModule } from './project-probe.module.js';

describe('API keys of service accounts', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;
  let owner: NewUser;
  let editor: NewUser;
  let project: string;
  let robot: string;

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV);
    app = await startTestApp(
      (config) => ({ module: class ProbeRoot {}, imports: [AppModule.forRoot(config), ProjectProbeModule] }),
      CONTEXT_NAMES,
      AUTH_ONLY,
    );
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    owner = await newUser(admin, anonymous);
    editor = await newUser(admin, anonymous);
    project = (await owner.client.call('POST', '/api/v1/projects', { name: 'robots' })).body.id;
    await owner.client.call('PUT', `/api/v1/projects/${project}/members/${editor.id}`, { role: 'editor' });
    robot = (await admin.call('POST', '/api/v1/service-accounts', { displayName: 'nightly trainer' })).body.id;
    await owner.client.call('PUT', `/api/v1/projects/${project}/members/${robot}`, { role: 'editor' });
  });
  afterAll(() => app.close());

  it('lets a project owner issue and list keys for a service account, and nobody else list them', async () => {
    const issued = await owner.client.call('POST', '/api/v1/api-keys', {
      name: 'trainer',
      projectId: project,
      permissions: ['workflow:read', 'workflow:write'],
      serviceAccountId: robot,
    });
    expect(issued.status).toBe(201);
    expect(issued.body.ownerId).toBe(robot);
    const robotClient = anonymous.withToken(issued.body.key as string);
    expect((await robotClient.call('POST', `/api/v1/projects/${project}/probe-items`)).status).toBe(201);

    const listed = await owner.client.call('GET', `/api/v1/api-keys?serviceAccountId=${robot}`);
    expect(listed.status).toBe(200);
    expect((listed.body as { id: string }[]).map((key) => key.id)).toEqual([issued.body.id]);
    expect((await admin.call('GET', `/api/v1/api-keys?serviceAccountId=${robot}`)).body).toHaveLength(1);
    expect((await editor.client.call('GET', `/api/v1/api-keys?serviceAccountId=${robot}`)).body).toEqual([]);
    expect((await editor.client.call('GET', `/api/v1/api-keys?serviceAccountId=${editor.id}`)).status).toBe(404);
    const byEditor = await editor.client.call('POST', '/api/v1/api-keys', {
      name: 'not mine to give',
      projectId: project,
      permissions: ['workflow:read'],
      serviceAccountId: robot,
    });
    expect(byEditor.status).toBe(403);
  });

  it('stops accepting a key once it expires', async () => {
    const issued = await owner.client.call('POST', '/api/v1/api-keys', {
      name: 'short-lived',
      projectId: project,
      permissions: ['workflow:read'],
      serviceAccountId: robot,
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    expect(issued.status).toBe(201);
    const robotClient = anonymous.withToken(issued.body.key as string);
    expect((await robotClient.call('GET', `/api/v1/projects/${project}/probe-items`)).status).toBe(200);
    await waitFor(
      async () => (await robotClient.call('GET', `/api/v1/projects/${project}/probe-items`)).status === 401,
      {
        timeoutMs: 10_000,
        intervalMs: 250,
        what: 'the key to expire',
      },
    );
    const past = await owner.client.call('POST', '/api/v1/api-keys', {
      name: 'already expired',
      projectId: project,
      permissions: ['workflow:read'],
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.status).toBe(400);
  });
});
