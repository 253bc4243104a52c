import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../user-management/auth-client.js';
import { createWorkflow, waitForRun } from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'email', type: 'string', nullable: true },
  ],
  primaryKey: ['id'],
};

describe('alert rules evaluated from the platform’s own events', () => {
  let app: TestApp;
  let directory: string;
  let admin: Client;
  let owner: NewUser;
  let stranger: NewUser;
  let projectId: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'alerts-'));
    // Rules are evaluated every 100 ms: `for` and the windows below are short durations, not sleeps.
    Object.assign(process.env, FAST_AUTH_ENV, {
      ALERT_EVAL_INTERVAL_MS: '100',
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      DATA_ENGINE_TEMP_DIR: join(directory, 'engine'),
    });
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,workflow-engine,data-pipeline,monitoring',
    });
    const anonymous = new Client(app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    owner = await newUser(admin, anonymous);
    stranger = await newUser(admin, anonymous);
    projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `alerts-${Date.now()}` })).body.id;
  });
  afterAll(async () => {
    await app?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const createRule = (body: object, client = owner.client) =>
    client.call('POST', `/api/v1/projects/${projectId}/alert-rules`, body);
  const alertsOf = async (state: string): Promise<Json[]> =>
    (await owner.client.call('GET', `/api/v1/projects/${projectId}/alerts?state=${state}`)).body.items;
  const historyOf = async (ruleId: string): Promise<Json[]> =>
    (await owner.client.call('GET', `/api/v1/projects/${projectId}/alert-history?rule=${ruleId}&limit=100`)).body.items;
  const alertIn = (state: string, ruleId: string) =>
    waitFor(async () => (await alertsOf(state)).find((alert) => alert.ruleId === ruleId), {
      timeoutMs: 20_000,
      intervalMs: 50,
      what: `a ${state} alert of rule ${ruleId}`,
    });

  it('refuses expressions outside the catalogue with field problems, and hides rules from other projects', async () => {
    const base = { name: 'r', for: '0s' };
    const cases: [object, string][] = [
      [{ signal: 'cpu.load', op: '>', threshold: 1 }, 'expr.signal'],
      [{ signal: 'workflow.failure_rate', window: 'soon', op: '>', threshold: 0.5 }, 'expr.window'],
      [
        { signal: 'workflow.failure_rate', window: '5m', filter: { modelId: 'x' }, op: '>', threshold: 0.5 },
        'expr.filter.modelId',
      ],
      [{ signal: 'workflow.failure_rate', window: '5m', op: '~', threshold: 0.5 }, 'expr.op'],
      [{ signal: 'queue.depth', op: '>', threshold: 100 }, 'expr.signal'],
      [{ signal: 'bus.consumer_lag', op: '>', threshold: 100 }, 'expr.signal'],
    ];
    for (const [expr, field] of cases) {
      const answer = await createRule({ ...base, expr });
      expect(answer.status).toBe(400);
      expect(answer.body.type).toMatch(/alert-rule-invalid$/);
      expect((answer.body.errors as Json[]).map((problem) => problem.field)).toContain(field);
    }
    expect((await createRule({ ...base, for: 'forever', expr: cases[1][0] })).status).toBe(400);

    const rule = await createRule({
      ...base,
      expr: { signal: 'model.staleness_days', op: '>', threshold: 30 },
    });
    expect(rule.status).toBe(201);
    expect((await stranger.client.call('GET', `/api/v1/alert-rules/${rule.body.id}`)).status).toBe(404);
    expect((await stranger.client.call('GET', `/api/v1/projects/${projectId}/alert-history`)).status).toBe(404);
    // Global rules are for administrators; a project rule is no global one.
    const globalBody = { name: 'bus', expr: { signal: 'bus.consumer_lag', op: '>', threshold: 1e9 } };
    expect((await owner.client.call('POST', '/api/v1/alert-rules', globalBody)).status).toBe(403);
    const global = await admin.call('POST', '/api/v1/alert-rules', globalBody);
    expect(global.status).toBe(201);
    expect(global.body.projectId).toBeNull();
    expect((await admin.call('GET', `/api/v1/alert-rules/global/${rule.body.id}`)).status).toBe(404);
    expect((await admin.call('DELETE', `/api/v1/alert-rules/global/${global.body.id}`)).status).toBe(204);
    expect((await owner.client.call('DELETE', `/api/v1/alert-rules/${rule.body.id}`)).status).toBe(204);
  });

  it('documents the signals as an enum and, refusing another one, names the same signals in problem+json', async () => {
    const document = (await owner.client.call('GET', '/docs/openapi.json')).body;
    const documented: string[] = document.components.schemas.AlertExprRequest.properties.signal.enum;
    expect(document.components.schemas.AlertExprResponse.properties.signal.enum).toEqual(documented);
    expect(documented).toEqual(expect.arrayContaining(['workflow.failure_rate', 'prediction.latency_p99_seconds']));

    const answer = await createRule({ name: 'r', expr: { signal: 'cpu.load', op: '>', threshold: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (answer.body.errors as Json[]).find((error) => error.field === 'expr.signal');
    expect(problem.message).toBe(`must be one of ${documented.join(', ')}`);
  });

  it('goes pending, then firing after the planted failures, resolves when successes follow, with every transition in the history', async () => {
    const workflowId = await createWorkflow(owner.client, projectId, {
      name: `flaky-${Date.now()}`,
      params: { type: 'object', properties: { ms: { type: 'integer' } } },
      // A negative wait breaks the sleep type's params schema: such a run fails.
      tasks: [{ id: 'wait', type: 'sleep', params: { ms: '${{ params.ms }}' } }],
    });
    const run = async (ms: number, state: string) => {
      const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: { ms } });
      expect((await waitForRun(owner.client, started.body.id)).state).toBe(state);
    };
    const rule = await createRule({
      name: 'training keeps failing',
      expr: { signal: 'workflow.failure_rate', window: '1h', filter: { workflowId }, op: '>', threshold: 0.5 },
      for: '1s',
      severity: 'critical',
      labels: { team: 'ml' },
      annotations: { summary: 'failure rate {{ $value }} of {{ $labels.workflowId }}' },
    });
    expect(rule.status).toBe(201);
    const ruleId = rule.body.id as string;

    await run(-1, 'failed');
    await run(-1, 'failed');
    const pending = await alertIn('pending', ruleId);
    expect(pending.labels).toEqual({
      alertname: 'training keeps failing',
      severity: 'critical',
      team: 'ml',
      workflowId,
    });
    const firing = await alertIn('firing', ruleId);
    expect(firing.value).toBe(1);
    expect(firing.annotations.summary).toBe(`failure rate 1 of ${workflowId}`);
    expect(firing.lineage).toHaveLength(2);
    expect((firing.lineage as Json[]).every((node) => node.type === 'workflow-run')).toBe(true);

    for (let index = 0; index < 3; index += 1) await run(1, 'succeeded');
    await alertIn('resolved', ruleId);

    const history = await historyOf(ruleId);
    expect(history.map((transition) => `${transition.from}->${transition.to}`)).toEqual([
      'inactive->pending',
      'pending->firing',
      'firing->resolved',
    ]);
    expect(history[1]).toMatchObject({ alertId: firing.id, value: 1, labels: firing.labels });
    // Two successes after two failures already break the condition (0.5 is not above 0.5).
    expect(history[2].value).toBeLessThanOrEqual(0.5);
    const ofAlert = await owner.client.call('GET', `/api/v1/alerts/${firing.id}/history`);
    expect(ofAlert.body.items).toHaveLength(3);
    expect((await stranger.client.call('GET', `/api/v1/alerts/${firing.id}/history`)).status).toBe(404);
  });

  it('raises an alert on a failed check suite, linked to the dataset version’s lineage node', async () => {
    const rule = await createRule({
      name: 'data checks failed',
      expr: { signal: 'data.checks_failed', window: '1h', op: '>', threshold: 0 },
    });
    expect(rule.status).toBe(201);
    const dataset = await owner.client.call('POST', `/api/v1/projects/${projectId}/datasets`, {
      name: `customers-${Date.now()}`,
      schema: SCHEMA,
    });
    const upload = await fetch(`${app.url}/api/v1/datasets/${dataset.body.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: 'id,email\n1,a@example.org\n2,\n',
    });
    const versionId = ((await upload.json()) as Json).id as string;
    const checked = await owner.client.call('POST', `/api/v1/dataset-versions/${versionId}/check-runs`, {
      checks: [{ name: 'email present', kind: 'not_null', column: 'email' }],
    });
    expect(checked.status).toBe(201);

    const firing = await alertIn('firing', rule.body.id);
    expect(firing.labels).toMatchObject({ datasetId: dataset.body.id, versionId });
    const [transition] = await historyOf(rule.body.id);
    expect(transition).toMatchObject({ from: 'inactive', to: 'firing' });
    expect(transition.lineage).toContainEqual({ type: 'dataset-version', id: versionId });
    // The node the transition names is the one the lineage graph holds.
    const node = await owner.client.call('GET', `/api/v1/lineage/dataset-version/${versionId}`);
    expect(node.status).toBe(200);
  });
});
