/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { ADMIN, Client } from '../user-management/auth-client.js';
import { createWorkflow, waitForRun } from '../workflows-support.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};

/** The one-page status (issue 14 item 5) and SLO suggestions (item 6) over a deployment that serves and workflows that run. */
describe('monitoring status and SLO suggestions', () => {
  let world: RegistryWorld;
  let admin: Client;
  let deploymentId: string;
  let scheduledId: string;
  let flakyId: string;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem(
      { ALERT_EVAL_INTERVAL_MS: '100', PREDICTION_LOG_FLUSH_INTERVAL_MS: '50' },
      'user-management,model-registry,prediction,workflow-engine,monitoring',
    );
    const anonymous = new Client(world.app.url);
    admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const editor = world.editor.client;
    const modelId = (await world.model('churn')).id as string;
    const version = await world.version(modelId, { signature: SIGNATURE });
    expect((await world.upload(version.id, linearModel(LINEAR_WEIGHTS, LINEAR_BIAS))).status).toBe(200);
    const approved = await world.approver.client.call('POST', `/api/v1/model-versions/${version.id}/approval`, {
      decision: 'Approved',
      comment: 'hand-checked',
    });
    expect(approved.status).toBe(200);
    const deployed = await editor.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'churn',
      variants: [{ name: 'a', model: version.id, runtime: 'onnx', weight: 100 }],
    });
    expect(deployed.status).toBe(201);
    deploymentId = deployed.body.id;
    const serving = editor.withHeaders({ 'x-project-id': world.projectId });
    for (let index = 0; index < 20; index += 1) {
      const answer = await serving.call('POST', '/v2/models/churn/infer', {
        inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[index, 0, 0]] }],
      });
      expect(answer.status).toBe(200);
    }
    scheduledId = await createWorkflow(editor, world.projectId, {
      name: 'yearly-retrain',
      schedule: { cron: '0 0 1 1 *', timezone: 'UTC', catchUp: 'none' },
      tasks: [{ id: 'noop', type: 'noop', params: {} }],
    });
    flakyId = await createWorkflow(editor, world.projectId, {
      name: 'flaky',
      params: { type: 'object', properties: { ms: { type: 'integer' } } },
      // A negative wait breaks the sleep type's params schema: such a run fails.
      tasks: [{ id: 'wait', type: 'sleep', params: { ms: '${{ params.ms }}' } }],
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  const suggestionsPath = () => `/api/v1/projects/${world.projectId}/slo-suggestions`;

  it('suggests availability and p99 latency for the deployment and success rate for the scheduled workflow only', async () => {
    const listed = await world.editor.client.call('GET', suggestionsPath());
    expect(listed.status).toBe(200);
    const bySubject = new Map((listed.body.items as Json[]).map((item) => [item.subject.id, item]));
    expect([...bySubject.keys()].sort()).toEqual([deploymentId, scheduledId].sort());
    const deployment = bySubject.get(deploymentId);
    expect(deployment.subject).toEqual({ kind: 'deployment', id: deploymentId, name: 'churn' });
    expect((deployment.rules as Json[]).map((rule) => rule.objective)).toEqual(['availability', 'latency']);
    // The latency bound is twice the p99 it served at (at least 50 ms), as the status page reports that p99.
    const status = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/monitoring/status`);
    const [{ p99Seconds }] = status.body.variants as Json[];
    const latency = (deployment.rules as Json[])[1];
    expect(latency.expr).toMatchObject({ signal: 'prediction.latency_p99_seconds', filter: { deploymentId } });
    expect(latency.expr.threshold).toBe(Math.ceil(Math.max(p99Seconds * 2, 0.05) * 1000) / 1000);
    const workflow = bySubject.get(scheduledId);
    expect((workflow.rules as Json[]).map((rule) => rule.objective)).toEqual(['success-rate']);
    expect((await world.outsider.client.call('GET', suggestionsPath())).status).toBe(404);
  });

  it('creates the suggested rules with one call, once', async () => {
    const accept = (body: object, client = world.editor.client) =>
      client.call('POST', `${suggestionsPath()}/accept`, body);
    const first = await accept({ kind: 'deployment', subjectId: deploymentId });
    expect(first.status).toBe(201);
    expect((first.body.created as Json[]).map((rule) => rule.name)).toEqual([
      'SLO availability: churn',
      'SLO p99 latency: churn',
    ]);
    expect(first.body.existing).toEqual([]);
    const again = await accept({ kind: 'deployment', subjectId: deploymentId });
    expect(again.body).toMatchObject({ created: [], existing: ['SLO availability: churn', 'SLO p99 latency: churn'] });
    const rules = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/alert-rules?limit=100`);
    const names: string[] = (rules.body.items as Json[]).map((rule) => rule.name as string);
    expect(names.filter((name) => name.startsWith('SLO '))).toHaveLength(2);

    const refused = await accept({ kind: 'cluster', subjectId: deploymentId });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await accept({ kind: 'workflow', subjectId: flakyId })).status).toBe(404);
    expect((await accept({ kind: 'deployment', subjectId: deploymentId }, world.outsider.client)).status).toBe(404);
  });

  it('shows the project its firing alerts, failing workflows and serving variants, and administrators every project', async () => {
    const editor = world.editor.client;
    const started = await editor.call('POST', `/api/v1/workflows/${flakyId}/runs`, { params: { ms: -1 } });
    expect((await waitForRun(editor, started.body.id)).state).toBe('failed');
    const rule = await editor.call('POST', `/api/v1/projects/${world.projectId}/alert-rules`, {
      name: 'flaky fails',
      expr: { signal: 'workflow.failure_rate', window: '1h', filter: { workflowId: flakyId }, op: '>', threshold: 0.5 },
      for: '0s',
    });
    expect(rule.status).toBe(201);
    const statusPath = `/api/v1/projects/${world.projectId}/monitoring/status`;
    const status: Json = await waitFor(
      async () => {
        const answer = await editor.call('GET', statusPath);
        expect(answer.status).toBe(200);
        return (answer.body.firingAlerts as Json[]).some((alert) => alert.ruleId === rule.body.id) && answer.body;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'the failure alert on the status page' },
    );
    expect(status.projectId).toBe(world.projectId);
    expect(status.failingWorkflows).toEqual([
      { projectId: world.projectId, workflowId: flakyId, failureRate: 1, failedRunIds: [started.body.id] },
    ]);
    expect(status.variants).toEqual([
      expect.objectContaining({ deploymentId, variant: 'a', errorRate: 0, projectId: world.projectId }),
    ]);
    const contexts = (status.outboxes as Json[]).map((gauge) => gauge.labels.context);
    expect(contexts).toEqual(expect.arrayContaining(['monitoring', 'prediction', 'workflow-engine']));
    expect(status.unavailable).toEqual([]);
    expect((await world.outsider.client.call('GET', statusPath)).status).toBe(404);

    expect((await editor.call('GET', '/api/v1/monitoring/status')).status).toBe(403);
    const platform = await admin.call('GET', '/api/v1/monitoring/status');
    expect(platform.status).toBe(200);
    expect(platform.body.projectId).toBeNull();
    const firing = (platform.body.firingAlerts as Json[]).find((alert) => alert.ruleId === rule.body.id);
    expect(firing).toMatchObject({ projectId: world.projectId, state: 'firing' });
  });
});
