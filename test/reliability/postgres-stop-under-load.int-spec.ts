import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestApp } from '@libs/testing';
import { ADMIN, Client, startAuthApp } from '../e2e/user-management/auth-client.js';
import { PrivatePostgres } from '../support/private-postgres.js';

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly afterStop: boolean;
}

const CLIENTS = 16;

/**
 * PostgreSQL stops (an operator's fast shutdown) while clients keep the API busy. Requests in
 * flight lose their connection (57P01, "Connection terminated unexpectedly"), later ones are
 * refused a connection; none of them may answer 500. The server is one of the test's own
 * (initdb + pg_ctl on a free port), not a TCP proxy in front of the shared one: only a real
 * shutdown sends the admin-shutdown error to open sessions, and the shared server must stay up.
 */
describe('PostgreSQL stopping under load', () => {
  let postgres: PrivatePostgres;
  let app: TestApp;
  let admin: Client;
  let anonymous: Client;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    app = await startAuthApp({ DATABASE_URL: postgres.url });
    anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  }, 120_000);
  afterAll(async () => {
    // Back up first, so the app's shutdown can flush and close its pool as usual.
    await postgres.start().catch(() => undefined);
    await app?.close();
    await postgres.destroy();
  }, 60_000);

  it('answers 503 with Retry-After, never 500', async () => {
    const answers: Answer[] = [];
    let stopped = false;
    let running = true;
    const requests = [
      () => admin.call('GET', '/api/v1/projects'),
      () => admin.call('POST', '/api/v1/projects', { name: `load-${answers.length}-${Math.random()}` }),
      () => anonymous.call('POST', '/api/v1/auth/login', ADMIN),
    ];
    const client = async (index: number) => {
      for (let turn = index; running; turn += 1) {
        const afterStop = stopped;
        const response = await requests[turn % requests.length]();
        answers.push({
          status: response.status,
          contentType: response.headers.get('content-type'),
          retryAfter: response.headers.get('retry-after'),
          afterStop,
        });
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));

    await waitFor(() => answers.length >= 100, { timeoutMs: 30_000, what: '100 answers before the stop' });
    await postgres.stop();
    stopped = true;
    const atStop = answers.length;
    await waitFor(() => answers.length >= atStop + 300, { timeoutMs: 30_000, what: '300 answers after the stop' });
    running = false;
    await load;

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 500)).toEqual([]);
    const unavailable = answers.filter((answer) => answer.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Once the server is down, nothing that needs it succeeds: the 503s are real, not luck.
    expect(answers.filter((answer) => answer.afterStop && answer.status < 400)).toEqual([]);
  }, 120_000);
});
