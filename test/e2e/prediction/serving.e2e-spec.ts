/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { Client } from '../user-management/auth-client.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { LINEAR_WEIGHTS } from '../../support/prediction/linear-model.js';
import { approvedOnnxVersion, LINEAR_SIGNATURE, pointAlias } from '../../support/prediction/onnx-deployments.js';

const ROWS = [
  [1, 0, 0],
  [0, 1, 1],
];
// By hand: [1,0,0]·W = [1, 2], [0,1,1]·W = [3+5, 4+6]; plus b = [0.5, -1].
const EXPECTED = [1.5, 1, 8.5, 9];
const infer = (data: unknown, shape = [2, 3], datatype = 'FP32') => ({
  id: 'call-1',
  inputs: [{ name: 'x', shape, datatype, data }],
});

describe('prediction serving through the API (in-process ONNX, PostgreSQL, Redis)', () => {
  let world: RegistryWorld;
  let modelId: string;
  let deploymentId: string;
  let serving: Client;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem({}, 'user-management,model-registry,prediction');
    modelId = (await world.model('churn')).id;
    await pointAlias(world, modelId, 'champion', await approvedOnnxVersion(world, modelId));
    serving = world.editor.client.withHeaders({ 'x-project-id': world.projectId });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('deploys by alias and answers /v2/models/{m}/infer with the values computed by hand', async () => {
    const created = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'churn',
      variants: [{ name: 'champion', model: 'churn@champion', runtime: 'onnx' }],
    });
    expect(created.status).toBe(201);
    deploymentId = created.body.id as string;
    expect(created.body).toMatchObject({ name: 'churn', status: 'Active', routing: { mode: 'split' } });

    const ready = await serving.call('GET', '/v2/models/churn/ready');
    expect(ready).toMatchObject({ status: 200, body: { ready: true } });
    const answered = await serving.call('POST', '/v2/models/churn/infer', infer(ROWS));
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ model_name: 'churn', model_version: 'champion', id: 'call-1' });
    expect(answered.body.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [2, 2], data: EXPECTED }]);
  });

  it('describes the model from its signature and answers rows on /predict', async () => {
    const metadata = await serving.call('GET', '/v2/models/churn');
    expect(metadata.body).toEqual({
      name: 'churn',
      versions: ['champion'],
      platform: 'onnxruntime_onnx',
      inputs: LINEAR_SIGNATURE.inputs,
      outputs: LINEAR_SIGNATURE.outputs,
    });
    expect((await serving.call('GET', '/v2/health/ready')).body).toEqual({ ready: true });

    const predicted = await world.editor.client.call('POST', `/api/v1/deployments/${deploymentId}/predict`, {
      instances: ROWS,
    });
    expect(predicted.status).toBe(200);
    expect(predicted.body.predictions).toEqual([EXPECTED.slice(0, 2), EXPECTED.slice(2)]);
  });

  it('answers 400 problem+json naming the input for a wrong shape or datatype', async () => {
    const shape = await serving.call('POST', '/v2/models/churn/infer', infer([1, 2, 3, 4], [1, 4]));
    expect(shape.status).toBe(400);
    expect(shape.headers.get('content-type')).toContain('application/problem+json');
    expect(shape.body.errors).toEqual([
      { field: 'inputs.x', message: 'has shape [1,4]; the model takes [-1, 3] (-1: any size)' },
    ]);
    const datatype = await serving.call('POST', '/v2/models/churn/infer', infer(ROWS, [2, 3], 'INT32'));
    expect(datatype.status).toBe(400);
    expect(datatype.body.errors[0].field).toBe('inputs.x');
  });

  it('answers 404 for another project’s deployment, on every route', async () => {
    const outsider = world.outsider.client;
    expect((await outsider.call('GET', `/api/v1/deployments/${deploymentId}`)).status).toBe(404);
    expect(
      (await outsider.call('POST', `/api/v1/deployments/${deploymentId}/predict`, { instances: ROWS })).status,
    ).toBe(404);
    const theirs = outsider.withHeaders({ 'x-project-id': world.projectId });
    expect((await theirs.call('POST', '/v2/models/churn/infer', infer(ROWS))).status).toBe(404);
    const own = outsider.withHeaders({ 'x-project-id': world.outsiderProjectId });
    expect((await own.call('POST', '/v2/models/churn/infer', infer(ROWS))).status).toBe(404);
    expect((await own.call('GET', `/api/v1/projects/${world.outsiderProjectId}/deployments`)).body.items).toEqual([]);
  });

  it('serves an API key with prediction:invoke in its own project, without a project header', async () => {
    const created = await world.owner.client.call('POST', '/api/v1/api-keys', {
      name: 'scoring',
      projectId: world.projectId,
      permissions: ['prediction:invoke'],
    });
    expect(created.status).toBe(201);
    const key = new Client(world.app.url, { 'x-api-key': created.body.key as string });

    const answered = await key.call('POST', '/v2/models/churn/infer', infer(ROWS));
    expect(answered.body.outputs?.[0]?.data).toEqual(EXPECTED);
    expect((await key.call('GET', `/api/v1/deployments/${deploymentId}`)).status).toBe(403);
  });

  it('refuses a version without a signature, and never returns a shadow variant’s answer', async () => {
    const unsigned = await world.version(modelId);
    const refused = await world.editor.client.call('PUT', `/api/v1/deployments/${deploymentId}`, {
      variants: [{ name: 'bare', model: unsigned.id, runtime: 'onnx' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('variants.bare.model');

    const doubled = await approvedOnnxVersion(
      world,
      modelId,
      LINEAR_WEIGHTS.map((row) => row.map((w) => w * 2)),
      [0, 0],
    );
    const updated = await world.editor.client.call('PUT', `/api/v1/deployments/${deploymentId}`, {
      variants: [
        { name: 'champion', model: 'churn@champion', runtime: 'onnx' },
        { name: 'mirror', model: doubled, runtime: 'onnx', shadow: true },
      ],
    });
    expect(updated.status).toBe(200);
    for (let call = 0; call < 5; call += 1) {
      const answered = await serving.call('POST', '/v2/models/churn/infer', infer(ROWS));
      expect(answered.body).toMatchObject({ model_version: 'champion', outputs: [{ data: EXPECTED }] });
    }
    const mirrored = await serving.call('POST', '/v2/models/churn/versions/mirror/infer', infer(ROWS));
    expect(mirrored.body.outputs[0].data).toEqual([2, 4, 16, 20]);
    // The copies' answers are counted apart from the callers', per variant (the shadow runs after the answer is sent).
    await waitFor(
      async () => {
        const exposition = await (await fetch(`${world.app.url}/metrics`)).text();
        const shadowed = `prediction_requests_total{deployment="${deploymentId}",variant="mirror",role="shadow",outcome="ok"} 5`;
        return exposition.split('\n').includes(shadowed);
      },
      { what: 'five shadow answers in the metrics' },
    );
  });

  it('publishes created, updated and deleted through the outbox, and a deleted name stops answering', async () => {
    expect((await world.editor.client.call('DELETE', `/api/v1/deployments/${deploymentId}`)).status).toBe(204);
    expect((await serving.call('POST', '/v2/models/churn/infer', infer(ROWS))).status).toBe(404);

    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const types = await waitFor(
        async () => {
          const entries = await redis.xrange('events.prediction', '-', '+');
          const seen = entries
            .map(
              ([, fields]) =>
                JSON.parse(fields[fields.indexOf('envelope') + 1]) as { type: string; aggregateId: string },
            )
            .filter((envelope) => envelope.aggregateId === deploymentId)
            .map((envelope) => envelope.type);
          return seen.length >= 3 && seen;
        },
        { what: 'the deployment events on the stream' },
      );
      expect(types).toEqual([
        'prediction.deployment.created.v1',
        'prediction.deployment.updated.v1',
        'prediction.deployment.deleted.v1',
      ]);
    } finally {
      redis.disconnect();
    }
  });
});
