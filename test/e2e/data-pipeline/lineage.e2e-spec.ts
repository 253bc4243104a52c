import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@libs/testing';
import { RecordCheckResultHandler } from '../../../src/contexts/data-pipeline/application/record-check-result/record-check-result.handler.js';
import { newUser, type NewUser } from '../user-management/auth-client.js';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from '../workflows-support.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

const MADE_UP_RUN = '00000000-0000-4000-8000-000000000000';
const TRAIN = { name: 'train-churn', tasks: [{ id: 'train', type: 'noop', params: { outputs: { auc: 0.9 } } }] };

describe('the lineage graph, fed by the workflow engine and the model registry', () => {
  let world: WorkflowWorld;
  let directory: string;
  let outsider: NewUser;
  const inputDatasetVersion = randomUUID();

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lineage-e2e-'));
    world = await startWorkflowWorld(
      { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory },
      `${WORKFLOW_CONTEXTS},model-registry,data-pipeline`,
    );
    outsider = await newUser(world.admin, world.anonymous);
    await outsider.client.call('POST', '/api/v1/projects', { name: `outsider-${Date.now()}` });
  });
  afterAll(async () => {
    await world?.app.close();
    await rm(directory, { recursive: true, force: true });
  });

  const lineage = (path: string, as: NewUser = world.owner) => as.client.call('GET', `/api/v1/lineage/${path}`);
  const idsOf = (graph: Json): string[] => (graph.nodes as Json[]).map((node) => `${node.type}:${node.id}`);

  /** Polls a lineage route until its answer holds, as the consumers feed the graph after the fact. */
  const eventually = (path: string, holds: (body: Json) => boolean): Promise<Json> =>
    waitFor(
      async () => {
        const answer = await lineage(path);
        return answer.status === 200 && holds(answer.body) ? answer.body : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: `lineage ${path}` },
    );

  async function ranWorkflow(): Promise<string> {
    const workflowId = await createWorkflow(world.owner.client, world.projectId, { ...TRAIN, name: randomUUID() });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    expect(started.status).toBe(201);
    expect((await waitForRun(world.owner.client, started.body.id as string)).state).toBe('succeeded');
    return started.body.id as string;
  }

  async function servableVersion(modelId: string, runId: string): Promise<Json> {
    const created = await world.owner.client.call('POST', `/api/v1/models/${modelId}/versions`, {
      framework: 'onnx',
      source: { runId, taskId: 'train' },
      trainingDatasets: [{ datasetVersionId: inputDatasetVersion, name: 'churn-raw' }],
    });
    expect(created.status).toBe(201);
    const uploaded = await fetch(`${world.app.url}/api/v1/model-versions/${created.body.id}/artifact`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${world.owner.tokens.accessToken}`,
        'content-type': 'application/octet-stream',
      },
      body: Buffer.from(`model of ${runId}`),
    });
    expect(uploaded.status).toBe(200);
    return created.body;
  }

  it('links a workflow run to the model version it trained, both ways, and a failed check to the model', async () => {
    const runId = await ranWorkflow();
    const model = (
      await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/models`, { name: 'churn' })
    ).body;
    const version = await servableVersion(model.id, runId);

    const downstream = await eventually(`workflow-run/${runId}?direction=downstream&depth=2`, (graph) =>
      idsOf(graph).includes(`model-version:${version.id}`),
    );
    expect(idsOf(downstream)).toContain(`task-run:${runId}/train`);
    expect(downstream.root).toMatchObject({ type: 'workflow-run', id: runId, projectId: world.projectId });
    expect(downstream.root.facets.status.state).toBe('succeeded');

    const upstream = (await lineage(`model-version/${version.id}?direction=upstream&depth=1`)).body;
    expect(idsOf(upstream)).toEqual(expect.arrayContaining([`model-version:${version.id}`, `workflow-run:${runId}`]));
    expect(upstream.edges).toContainEqual({
      from: { type: 'dataset-version', id: inputDatasetVersion },
      to: { type: 'model-version', id: version.id },
      kind: 'trained-on',
    });

    // The check suite runner does not exist yet: its result goes in as it will record one.
    const checkResultId = randomUUID();
    await world.app.app.get(RecordCheckResultHandler, { strict: false }).execute({
      projectId: world.projectId,
      checkResultId,
      datasetVersionId: inputDatasetVersion,
      checkName: 'not_null(customer_id)',
      outcome: 'fail',
      at: new Date().toISOString(),
    });
    const impact = await lineage(`impact?checkResult=${checkResultId}`);
    expect(impact.status).toBe(200);
    expect((impact.body.impacted as Json[]).map((node) => node.id)).toEqual([version.id]);

    // The run's start and end reach the graph through the bus, each in its own time.
    const exported = await eventually(`runs/${runId}/openlineage`, (body) => body.events.length === 2);
    expect((exported.events as Json[]).map((event) => event.eventType)).toEqual(['START', 'COMPLETE']);
    expect(exported.events[1].outputs).toContainEqual(
      expect.objectContaining({ name: `model-versions/${version.id}` }),
    );

    expect((await lineage(`model-version/${version.id}`, outsider)).status).toBe(404);
    expect((await lineage(`impact?checkResult=${checkResultId}`, outsider)).status).toBe(404);
    expect((await lineage(`runs/${runId}/openlineage`, outsider)).status).toBe(404);
    // Without the check result there is nothing to follow: a bad request, not a missing resource.
    const unaddressed = await lineage('impact');
    expect([unaddressed.status, unaddressed.body.detail]).toEqual([
      400,
      'The query parameter checkResult is required, once',
    ]);
  });

  it('lets lineage-complete pass for a real run and refuses it for a made-up run id', async () => {
    const runId = await ranWorkflow();
    const model = (
      await world.owner.client.call('POST', `/api/v1/projects/${world.projectId}/models`, { name: 'gated' })
    ).body;
    const policy = await world.owner.client.call('PUT', `/api/v1/models/${model.id}/promotion-policies/champion`, {
      rules: [{ rule: 'lineage-complete' }],
    });
    expect(policy.status).toBe(200);
    const madeUp = await servableVersion(model.id, MADE_UP_RUN);
    const real = await servableVersion(model.id, runId);
    await eventually(`workflow-run/${runId}?direction=downstream&depth=1`, (graph) =>
      idsOf(graph).includes(`model-version:${real.id}`),
    );
    const aliases = `/api/v1/models/${model.id}/aliases/champion`;

    const refused = await world.owner.client.call('PUT', aliases, { versionId: madeUp.id });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'lineage-complete', message: expect.any(String) }]);
    expect((await world.owner.client.call('PUT', aliases, { versionId: real.id })).status).toBe(200);
  });
});
