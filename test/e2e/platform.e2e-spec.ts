import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../src/app.module.js';
import { CONTEXT_NAMES } from '../../src/bounded-contexts.js';
import { TEST_ADMIN, TEST_AUTH_ENV } from '../support/test-admin.js';

describe('the platform over HTTP', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // The dead-letter routes are for admins (the global guard of user-management).
    Object.assign(process.env, TEST_AUTH_ENV);
    testApp = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES);
  });
  afterAll(() => testApp.close());

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await fetch(`${testApp.url}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      instance: '/api/v1/no-such-thing',
    });
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const body = JSON.stringify({ blob: 'x'.repeat(testApp.config.bodyLimitBytes) });
    const response = await fetch(`${testApp.url}/health/live`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('is ready once PostgreSQL and Redis answer', async () => {
    const [live, startup, ready] = await Promise.all(
      ['live', 'startup', 'ready'].map((probe) => fetch(`${testApp.url}/health/${probe}`)),
    );
    expect([live.status, startup.status, ready.status]).toEqual([200, 200, 200]);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('publishes an OpenAPI 3 document with a tag per context', async () => {
    const document = (await (await fetch(`${testApp.url}/docs/openapi.json`)).json()) as {
      openapi: string;
      tags: { name: string }[];
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining([...CONTEXT_NAMES]));
    const ui = await fetch(`${testApp.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('exposes the HTTP duration histogram by route template', async () => {
    await fetch(`${testApp.url}/health/live`);
    const metrics = await (await fetch(`${testApp.url}/metrics`)).text();
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} \d+/,
    );
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('reports the bus backlog in readiness and metrics', async () => {
    const ready = (await (await fetch(`${testApp.url}/health/ready`)).json()) as { info: Record<string, unknown> };
    expect(ready.info).toMatchObject({
      outbox: { status: 'up', backlog: { user_management: 0, model_registry: 0 } },
      consumers: { status: 'up' },
    });
    const metrics = await (await fetch(`${testApp.url}/metrics`)).text();
    expect(metrics).toMatch(/outbox_backlog\{schema="workflow_engine"\} 0/);
  });

  it('answers an unknown dead letter with 404 and a malformed cursor with 400', async () => {
    const login = await fetch(`${testApp.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TEST_ADMIN),
    });
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    expect((await fetch(`${testApp.url}/api/v1/admin/dead-letters`)).status).toBe(401);
    const replay = await fetch(`${testApp.url}/api/v1/admin/dead-letters/1-1/replay`, { method: 'POST', headers });
    expect(replay.status).toBe(404);
    const list = await fetch(`${testApp.url}/api/v1/admin/dead-letters?cursor=not-an-id`, { headers });
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ errors: [{ field: 'cursor' }] });
  });
});
