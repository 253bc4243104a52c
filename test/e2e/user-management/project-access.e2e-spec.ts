import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { ADMIN, AUTH_ONLY, Client, FAST_AUTH_ENV, newUser, type NewUser } from './auth-client.js';
import { ProjectProbeModule } from './project-probe.module.js';

describe('projects, roles and API keys', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;
  let alice: NewUser;
  let bob: NewUser;
  let projectA: string;
  let projectB: string;
  const bodies: string[] = [];

  const as = (user: NewUser) => ({
    call: async (method: string, path: string, body?: unknown) => {
      const response = await user.client.call(method, path, body);
      bodies.push(JSON.stringify(response.body ?? null));
      return response;
    },
  });

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV);
    app = await startTestApp(
      (config) => ({ module: class ProbeRoot {}, imports: [AppModule.forRoot(config), ProjectProbeModule] }),
      CONTEXT_NAMES,
      AUTH_ONLY,
    );
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    alice = await newUser(admin, anonymous);
    bob = await newUser(admin, anonymous);
    projectA = (await as(alice).call('POST', '/api/v1/projects', { name: 'alpha' })).body.id;
    projectB = (await as(bob).call('POST', '/api/v1/projects', { name: 'beta' })).body.id;
  });
  afterAll(() => app.close());

  it("answers 404 when a member of project A asks for project B's resources", async () => {
    const bItem = (await as(bob).call('POST', `/api/v1/projects/${projectB}/probe-items`)).body.id;
    expect((await as(alice).call('GET', `/api/v1/projects/${projectB}`)).status).toBe(404);
    expect((await as(alice).call('GET', `/api/v1/projects/${projectB}/probe-items`)).status).toBe(404);
    expect((await as(alice).call('GET', `/api/v1/probe-items/${bItem}`)).status).toBe(404);
    expect(
      (await as(alice).call('PUT', `/api/v1/projects/${projectB}/members/${alice.id}`, { role: 'owner' })).status,
    ).toBe(404);
    // An unknown project looks exactly the same.
    expect((await as(alice).call('GET', `/api/v1/projects/01900000-0000-7000-8000-00000000000f`)).status).toBe(404);
  });

  it('answers 403 when a viewer calls an editor route, and applies role changes on the next request', async () => {
    const carol = await newUser(admin, anonymous);
    await as(alice).call('PUT', `/api/v1/projects/${projectA}/members/${carol.id}`, { role: 'viewer' });
    expect((await as(carol).call('GET', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(200);
    expect((await as(carol).call('POST', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(403);

    await as(alice).call('PUT', `/api/v1/projects/${projectA}/members/${carol.id}`, { role: 'editor' });
    const item = await as(carol).call('POST', `/api/v1/projects/${projectA}/probe-items`);
    expect(item.status).toBe(201);
    // Approval stays with owners; the resource's project is resolved from the item.
    expect((await as(carol).call('POST', `/api/v1/probe-items/${item.body.id}/approval`)).status).toBe(403);
    expect((await as(alice).call('POST', `/api/v1/probe-items/${item.body.id}/approval`)).status).toBe(200);
    expect(
      (await as(carol).call('PUT', `/api/v1/projects/${projectA}/members/${bob.id}`, { role: 'viewer' })).status,
    ).toBe(403);

    expect((await as(alice).call('DELETE', `/api/v1/projects/${projectA}/members/${carol.id}`)).status).toBe(204);
    expect((await as(carol).call('GET', `/api/v1/probe-items/${item.body.id}`)).status).toBe(404);
  });

  it('keeps the last owner', async () => {
    const response = await as(alice).call('PUT', `/api/v1/projects/${projectA}/members/${alice.id}`, {
      role: 'viewer',
    });
    expect(response.status).toBe(409);
  });

  it('lists only my projects and shows members by id and role only', async () => {
    const mine = await as(alice).call('GET', '/api/v1/projects');
    expect((mine.body.items as { id: string }[]).map((project) => project.id)).toEqual([projectA]);
    const detail = await as(alice).call('GET', `/api/v1/projects/${projectA}`);
    for (const member of detail.body.members) expect(Object.keys(member).sort()).toEqual(['role', 'userId']);
    expect((await as(alice).call('GET', '/api/v1/users')).status).toBe(403);
    expect((await as(alice).call('GET', '/api/v1/audit-log')).status).toBe(403);
  });

  it('scopes API keys to one project and a subset of permissions, accepted as Bearer or X-API-Key', async () => {
    const created = await as(alice).call('POST', '/api/v1/api-keys', {
      name: 'ci',
      projectId: projectA,
      permissions: ['workflow:read'],
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^mlk_/);
    const byHeader = new Client(app.url, { 'x-api-key': key });
    const byBearer = anonymous.withToken(key);
    expect((await byHeader.call('GET', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(200);
    expect((await byBearer.call('GET', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(200);
    expect((await byBearer.call('POST', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(403);
    expect((await byBearer.call('GET', `/api/v1/projects/${projectB}/probe-items`)).status).toBe(404);
    expect((await byBearer.call('GET', '/api/v1/users/me')).status).toBe(403);

    const listed = await as(alice).call('GET', '/api/v1/api-keys');
    expect(listed.body[0]).not.toHaveProperty('key');
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(12));
    expect(listed.body[0].lastUsedAt).not.toBeNull();

    expect((await as(bob).call('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(404);
    expect((await as(alice).call('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await byBearer.call('GET', `/api/v1/projects/${projectA}/probe-items`)).status).toBe(401);
  });

  it('refuses an API key wider than what its owner holds', async () => {
    const dave = await newUser(admin, anonymous);
    await as(alice).call('PUT', `/api/v1/projects/${projectA}/members/${dave.id}`, { role: 'viewer' });
    const wide = await as(dave).call('POST', '/api/v1/api-keys', {
      name: 'too wide',
      projectId: projectA,
      permissions: ['workflow:write'],
    });
    expect(wide.status).toBe(403);
    const elsewhere = await as(dave).call('POST', '/api/v1/api-keys', {
      name: 'x',
      projectId: projectB,
      permissions: ['workflow:read'],
    });
    expect(elsewhere.status).toBe(404);
  });

  it("never sends a password hash, a token hash or another user's email", () => {
    const all = bodies.join('\n');
    expect(bodies.length).toBeGreaterThanOrEqual(25);
    expect(all).not.toMatch(/\$2[aby]\$/);
    expect(all).not.toMatch(/passwordHash|password_hash|secretHash|tokenHash|currentTokenHash/i);
    // No route these users called returns anyone's email: members are ids and roles only.
    expect(all).not.toMatch(/@example\.com/);
  });
});
