import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { checkRules } from '../../support/promtool.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../user-management/auth-client.js';
import { createWorkflow, waitForRun } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

describe('log search and alert rules as a Prometheus rule file, through the API', () => {
  let app: TestApp;
  let admin: Client;
  let adminToken: string;
  let owner: NewUser;
  let stranger: NewUser;
  let projectId: string;
  let failedRun: string;
  let succeededRun: string;

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV);
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,workflow-engine,monitoring',
    });
    const anonymous = new Client(app.url);
    adminToken = (await anonymous.login(ADMIN.email, ADMIN.password)).accessToken;
    admin = anonymous.withToken(adminToken);
    owner = await newUser(admin, anonymous);
    stranger = await newUser(admin, anonymous);
    projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `logs-${Date.now()}` })).body.id;
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: `naps-${Date.now()}`,
      params: { type: 'object', properties: { ms: { type: 'integer' } } },
      // A negative wait breaks the sleep type's params schema: such an attempt fails.
      tasks: [{ id: 'nap', type: 'sleep', params: { ms: '${{ params.ms }}' } }],
    });
    const run = async (ms: number, state: string) => {
      const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: { ms } });
      expect((await waitForRun(owner.client, started.body.id)).state).toBe(state);
      return started.body.id as string;
    };
    failedRun = await run(-1, 'failed');
    succeededRun = await run(1, 'succeeded');
  });
  afterAll(() => app?.close());

  const logs = (query: string, client = owner.client) =>
    client.call('GET', `/api/v1/projects/${projectId}/logs?${query}`);

  it('finds a failed attempt by run, level and words, and pages newest first', async () => {
    const errors = await logs(`runId=${failedRun}&level=warn`);
    expect(errors.status).toBe(200);
    expect(errors.body.items.length).toBeGreaterThan(0);
    for (const line of errors.body.items as Json[]) {
      expect(line).toMatchObject({ source: 'task-run', runId: failedRun, taskId: 'nap', level: 'error' });
      expect(line.message).toMatch(/^failed: /);
    }

    const started = await logs(`q=started&taskId=nap&limit=100`);
    const runs = new Set((started.body.items as Json[]).map((line) => line.runId));
    expect(runs).toEqual(new Set([failedRun, succeededRun]));
    expect((started.body.items as Json[]).every((line) => /^started sleep task/.test(line.message))).toBe(true);

    const everything = (await logs('limit=100')).body.items as Json[];
    const times = everything.map((line) => Date.parse(line.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = await logs('limit=1');
    const second = await logs(`limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items[0], second.body.items[0]]).toEqual(everything.slice(0, 2));
  });

  it('answers another project’s logs as not found and bad queries as problems', async () => {
    expect((await logs('', stranger.client)).status).toBe(404);
    for (const [query, field] of [
      ['level=fatal', 'level'],
      ['cursor=not*a*cursor', 'cursor'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['from=2026-12-07T10:00:00Z&to=2026-12-07T09:00:00Z', 'from'],
      ['runId=not-a-uuid', 'runId'],
    ]) {
      const answer = await logs(query);
      expect({ query, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
  });

  it('exports project and global rules as rule files promtool accepts, skipping what no metric holds', async () => {
    const ownerToken = (await new Client(app.url).login(owner.email, owner.password)).accessToken;
    const projectRule = await owner.client.call('POST', `/api/v1/projects/${projectId}/alert-rules`, {
      name: 'naps failing',
      expr: { signal: 'workflow.failure_rate', window: '5m', op: '>', threshold: 0.5 },
    });
    expect(projectRule.status).toBe(201);
    for (const body of [
      {
        name: 'runs failing: "everywhere"',
        expr: { signal: 'workflow.failure_rate', window: '10m', op: '>', threshold: 0.5 },
        for: '1m',
        keepFiringFor: '5m',
        severity: 'critical',
        annotations: { summary: 'rate {{ $value }} of {{ $labels.alertname }}, {{ other }}' },
      },
      { name: 'lag', expr: { signal: 'bus.consumer_lag', filter: { group: 'monitoring.x' }, op: '>', threshold: 10 } },
      { name: 'stale models', expr: { signal: 'model.staleness_days', op: '>', threshold: 30 } },
    ]) {
      expect((await admin.call('POST', '/api/v1/alert-rules', body)).status).toBe(201);
    }

    const project = await ruleFile(`/api/v1/projects/${projectId}/alert-rules/prometheus`, ownerToken);
    expect(project.status).toBe(200);
    expect(project.type).toMatch(/^application\/yaml/);
    expect(project.text).toContain('# skipped "naps failing": the platform’s metrics carry no project label');
    expect(checkRules(project.text)).toMatchObject({ status: 0 });

    const global = await ruleFile('/api/v1/alert-rules/prometheus', adminToken);
    expect(global.status).toBe(200);
    expect(global.text).toContain('alert: \'runs failing: "everywhere"\'');
    expect(global.text).toContain('keep_firing_for: 5m');
    expect(global.text).toContain('events_consumer_lag{consumer="monitoring.x"}');
    expect(global.text).toContain('# skipped "stale models"');
    expect(checkRules(global.text)).toEqual({ status: 0, output: expect.stringContaining('SUCCESS: 2 rules found') });

    expect(
      (await ruleFile(`/api/v1/projects/${projectId}/alert-rules/prometheus`, await tokenOf(stranger))).status,
    ).toBe(404);
    expect((await ruleFile('/api/v1/alert-rules/prometheus', ownerToken)).status).toBe(403);
  });

  async function tokenOf(user: NewUser): Promise<string> {
    return (await new Client(app.url).login(user.email, user.password)).accessToken;
  }

  async function ruleFile(path: string, token: string) {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }
});
