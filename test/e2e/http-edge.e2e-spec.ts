import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import { v7 } from 'uuid';
import { ADMIN, Client, startWholeApp } from './user-management/auth-client.js';

const PROBLEM = /^application\/problem\+json/;

/** Writes `raw` on a socket and reads the whole answer: for requests fetch refuses to send. */
function rawRequest(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/));
  return found.find(([directiveName]) => directiveName === name)?.slice(1) ?? [];
}

describe('the HTTP edge', () => {
  let app: TestApp;
  let anonymous: Client;
  let admin: Client;
  let adminToken: string;

  beforeAll(async () => {
    app = await startWholeApp();
    anonymous = new Client(app.url);
    adminToken = (await anonymous.login(ADMIN.email, ADMIN.password)).accessToken;
    admin = anonymous.withToken(adminToken);
  });
  afterAll(() => app.close());

  describe('401 answers', () => {
    it('challenge for a Bearer token when none was sent', async () => {
      const response = await anonymous.call('GET', '/api/v1/users/me');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('say invalid_token when a bad token or API key was sent', async () => {
      const badCredentials: Record<string, string>[] = [
        { authorization: 'Bearer not-a-token' },
        { 'x-api-key': 'not-a-key' },
      ];
      for (const headers of badCredentials) {
        const response = await anonymous.withHeaders(headers).call('GET', '/api/v1/users/me');
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      }
    });

    it('challenge on a wrong password too', async () => {
      const response = await anonymous.call('POST', '/api/v1/auth/login', { email: ADMIN.email, password: 'wrong' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });
  });

  it('answers tokens and new API keys with Cache-Control: no-store', async () => {
    const login = await anonymous.call('POST', '/api/v1/auth/login', ADMIN);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const refresh = await anonymous.call('POST', '/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refresh.status).toBe(200);
    expect(refresh.headers.get('cache-control')).toBe('no-store');
    const project = await admin.call('POST', '/api/v1/projects', { name: `edge-${Date.now()}` });
    const key = await admin.call('POST', '/api/v1/api-keys', {
      name: 'edge',
      projectId: project.body.id,
      permissions: ['workflow:read'],
    });
    expect(key.status).toBe(201);
    expect(key.body.key).toEqual(expect.any(String));
    expect(key.headers.get('cache-control')).toBe('no-store');
    // A response with a cache policy of its own keeps it: the public signing keys.
    expect((await fetch(`${app.url}/.well-known/jwks.json`)).headers.get('cache-control')).toMatch(/^public/);
  });

  it('sends a content security policy on API answers and errors, and HSTS only over HTTPS', async () => {
    for (const path of ['/api/v1/users/me', '/api/v1/no-such-route', '/health/live']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'default-src')).toEqual(["'none'"]);
      expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
      // Plain HTTP, and the forwarded protocol comes from no trusted proxy.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('serves Swagger UI whose every script and style its content security policy allows', async () => {
    const page = await fetch(`${app.url}/docs`);
    const html = await page.text();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, inline] of scripts) {
      expect(inline.trim()).toBe('');
      const source = /src=['"]([^'"]+)['"]/.exec(attributes)![1];
      const url = new URL(source, `${app.url}/docs`);
      expect(url.origin).toBe(app.url);
      const script = await fetch(url);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
    }
    expect(html).toContain('swagger-ui-init.js');

    const styleBlocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1]));
    expect(styleBlocks.length).toBeGreaterThan(0);
    expect(directive(policy, 'style-src')).toEqual(expect.arrayContaining(["'self'", ...styleBlocks]));
    const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((match) => sha256(match[1]));
    expect(directive(policy, 'style-src-attr')).toEqual(expect.arrayContaining(styleAttributes));
    const stylesheets = [...html.matchAll(/<link([^>]*)>/g)].filter(([, attributes]) => /stylesheet/.test(attributes));
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const [, attributes] of stylesheets) {
      const url = new URL(/href=['"]([^'"]+)['"]/.exec(attributes)![1], `${app.url}/docs`);
      expect(url.origin).toBe(app.url);
      expect((await fetch(url)).status).toBe(200);
    }
  });

  it('answers an unsupported content type with 415 problem+json that does not quote it', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/evil<script>']) {
      const response = await fetch(`${app.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: 'email=a&password=b',
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(PROBLEM);
      const text = await response.text();
      expect(text).not.toContain('evil');
      expect(JSON.parse(text)).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
    }
  });

  it('answers an over-long path parameter with 414 problem+json that echoes nothing', async () => {
    const hostile = `${'a'.repeat(200)}%00%3Cscript%3Ealert(1)%3C%2Fscript%3E`;
    const response = await fetch(`${app.url}/api/v1/projects/${hostile}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(PROBLEM);
    const text = await response.text();
    expect(text).not.toMatch(/script|aaaa|\\u0000/);
    expect(JSON.parse(text)).toMatchObject({ status: 414 });
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers malformed JSON with 400 problem+json that does not quote the body', async () => {
    const response = await anonymous.call('POST', '/api/v1/auth/login', '{"email": <script>secret-body');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(PROBLEM);
    expect(JSON.stringify(response.body)).not.toMatch(/script|secret-body/);
  });

  it('answers a body shorter than its Content-Length with 400 problem+json', async () => {
    const answer = await rawRequest(
      app.url,
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":"<script>"}',
    );
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(head.toLowerCase()).toContain("content-security-policy: default-src 'none'");
    expect(JSON.parse(body)).toMatchObject({ status: 400, type: '/problems/bad-request' });
    expect(body).not.toContain('script');
  });

  it('refuses a NUL character anywhere in a body, query or path with 400 naming the field', async () => {
    const login = await anonymous.call('POST', '/api/v1/auth/login', { email: 'a\u0000@example.com', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.headers.get('content-type')).toMatch(PROBLEM);
    expect(login.body.errors).toEqual([{ field: 'email', message: expect.stringMatching(/NUL/) }]);

    const nested = await admin.call('POST', '/api/v1/projects', { name: 'ok', deep: { list: ['fine', 'bad\u0000'] } });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual([{ field: 'deep.list.1', message: expect.stringMatching(/NUL/) }]);

    const query = await admin.call('GET', '/api/v1/projects?cursor=%00');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ field: 'cursor', message: expect.stringMatching(/NUL/) }]);

    const path = await admin.call('GET', `/api/v1/workflow-runs/${v7()}/tasks/a%00b/logs`);
    expect(path.status).toBe(400);
    expect(path.body.errors).toEqual([{ field: 'taskId', message: expect.stringMatching(/NUL/) }]);
  });
});
