import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { withProcessEnv } from '../../support/process-env.js';
import { TEST_ADMIN, TEST_AUTH_ENV } from '../../support/test-admin.js';

export const ADMIN = TEST_ADMIN;

/** Settings that keep the user-management e2e tests fast: cheap bcrypt, no address rate limit in the way. */
export const FAST_AUTH_ENV: Record<string, string> = {
  BCRYPT_THREADS: '1',
  LOGIN_IP_MAX_FAILURES: '100000',
  ...TEST_AUTH_ENV,
};

/**
 * The contexts the user-management tests speak to: an app without the others' workers, consumers and
 * routes boots in about half the time. Given to the app, not put in process.env, which the next test
 * files of this Jest worker share.
 */
export const AUTH_ONLY = { APP_CONTEXTS: 'user-management' };

/** User management in-process, with its settings in the environment while it boots. */
export async function startAuthApp(env: Record<string, string> = {}): Promise<TestApp> {
  return withProcessEnv({ ...FAST_AUTH_ENV, ...env }, () =>
    startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, AUTH_ONLY),
  );
}

/** Every context in-process, with the same user-management settings: for tests that cross them all. */
export async function startWholeApp(env: Record<string, string> = {}): Promise<TestApp> {
  return withProcessEnv({ ...FAST_AUTH_ENV, ...env }, () =>
    startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES),
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

/** A thin HTTP client speaking JSON to the test app. */
export class Client {
  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  withToken(token: string): Client {
    return new Client(this.baseUrl, { ...this.headers, authorization: `Bearer ${token}` });
  }

  withHeaders(headers: Record<string, string>): Client {
    return new Client(this.baseUrl, { ...this.headers, ...headers });
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...this.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  async login(email: string, password: string): Promise<Tokens> {
    const response = await this.call('POST', '/api/v1/auth/login', { email, password });
    if (response.status !== 200)
      throw new Error(`login of ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as Tokens;
  }
}

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly client: Client;
  readonly tokens: Tokens;
}

let counter = 0;

/** A fresh person invited by the admin, logged in. */
export async function newUser(admin: Client, anonymous: Client): Promise<NewUser> {
  counter += 1;
  const email = `user-${Date.now()}-${counter}@example.com`;
  const password = `a long enough secret ${counter}`;
  const created = await admin.call('POST', '/api/v1/users', { email, password, displayName: `User ${counter}` });
  if (created.status !== 201) throw new Error(`invite answered ${created.status}: ${JSON.stringify(created.body)}`);
  const tokens = await anonymous.login(email, password);
  return { id: created.body.id as string, email, password, client: anonymous.withToken(tokens.accessToken), tokens };
}
