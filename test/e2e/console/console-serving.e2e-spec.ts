import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { TEST_AUTH_ENV } from '../../support/test-admin.js';

const INDEX = '<!doctype html><title>console</title><script type="module" src="/console/assets/app-1a2b.js"></script>';
const SCRIPT = 'document.title = "console";';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the console as the platform serves it', () => {
  let directory: string;
  let app: TestApp;
  let unbuilt: TestApp;

  beforeAll(async () => {
    Object.assign(process.env, TEST_AUTH_ENV);
    directory = await mkdtemp(join(tmpdir(), 'console-'));
    await mkdir(join(directory, 'assets'));
    await writeFile(join(directory, 'index.html'), INDEX);
    await writeFile(join(directory, 'assets', 'app-1a2b.js'), SCRIPT);
    const env = { APP_CONTEXTS: 'user-management', CONSOLE_DIR: directory };
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, env);
    unbuilt = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      ...env,
      CONSOLE_DIR: join(directory, 'not-built'),
    });
  });
  afterAll(async () => {
    await app.close();
    await unbuilt.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('answers its page at /console and at any client-side route under it, fetched afresh each time', async () => {
    for (const path of ['/console', '/console/', '/console/runs/0193e0a4-run', '/console/projects/p/workflows']) {
      const response = await fetch(`${app.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets for good, and a missing one as 404 rather than the page', async () => {
    const asset = await fetch(`${app.url}/console/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(SCRIPT);
    const missing = await fetch(`${app.url}/console/assets/gone-9z9z.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<!doctype html>');
  });

  it('sends a policy that runs only same-origin scripts, nothing inline, with the platform headers', async () => {
    for (const path of ['/console/runs/x', '/console/assets/app-1a2b.js']) {
      const response = await fetch(`${app.url}${path}`);
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it("leaves the API's own policy on the API", async () => {
    const response = await fetch(`${app.url}/api/v1/users/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('answers 404 problem+json under /console when the console was not built', async () => {
    const response = await fetch(`${unbuilt.url}/console/projects`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
