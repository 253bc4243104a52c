import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scaled, waitFor } from '@libs/testing';
import type { Client } from '../user-management/auth-client.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { LINEAR_SIGNATURE, uploadedOnnxVersion } from '../../support/prediction/onnx-deployments.js';
import { LocalModelServer } from '../../support/prediction/local-model-servers.js';
import { setProcessEnv } from '../../support/process-env.js';

// By hand: [1,0,0]·W + b = [1.5, 1], [0,1,1]·W + b = [8.5, 9]; the local servers compute the same.
const EXPECTED = [1.5, 1, 8.5, 9];
const infer = { inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 0, 0, 0, 1, 1] }] };
const TIMEOUT_MS = 1_500;
// The breaker stays open this long: the checks made while it is open must all fit in it, on a busy machine too.
const HALF_OPEN_MS = scaled(3_000);
// The AWS SDK reads these when it first calls SageMaker, not at boot: they stay for the whole file.
const AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST', AWS_SECRET_ACCESS_KEY: 'local-secret', AWS_REGION: 'eu-west-1' };

describe('remote runtimes through the platform: SageMaker InvokeEndpoint and a v2 server, with a breaker', () => {
  let sageMaker: LocalModelServer;
  let v2: LocalModelServer;
  let world: RegistryWorld;
  let serving: Client;
  let versionId: string;
  let restoreEnv: (() => void) | undefined;

  const deploy = (name: string, variant: object) =>
    world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name,
      variants: [{ name: 'remote', model: versionId, ...variant }],
    });
  const metrics = async () => (await fetch(`${world.app.url}/metrics`)).text();

  beforeAll(async () => {
    sageMaker = await LocalModelServer.sageMaker();
    v2 = await LocalModelServer.openInference();
    restoreEnv = setProcessEnv(AWS_ENV);
    world = await RegistryWorld.onFilesystem(
      {
        SAGEMAKER_ENDPOINT_URL: sageMaker.url,
        OUTBOUND_ALLOWED_PRIVATE_HOSTS: v2.host,
        PREDICTION_REMOTE_TIMEOUT_MS: String(TIMEOUT_MS),
        PREDICTION_REMOTE_MAX_RETRIES: '1',
        PREDICTION_REMOTE_BREAKER_FAILURES: '2',
        PREDICTION_REMOTE_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      },
      'user-management,model-registry,prediction',
    );
    const modelId = (await world.model('churn')).id as string;
    versionId = await uploadedOnnxVersion(world, modelId);
    serving = world.editor.client.withHeaders({ 'x-project-id': world.projectId });
  });
  afterAll(async () => {
    await world?.close();
    restoreEnv?.();
    await Promise.all([sageMaker?.die(), v2?.die()]);
  });

  it('serves a sagemaker variant through InvokeEndpoint, with its target variant', async () => {
    const created = await deploy('churn-sagemaker', {
      runtime: 'sagemaker',
      endpoint: { endpointName: 'churn-prod', targetVariant: 'blue' },
    });
    expect(created.status).toBe(201);
    expect(created.body.variants[0].endpoint).toEqual({
      kind: 'sagemaker',
      endpointName: 'churn-prod',
      targetVariant: 'blue',
      contentType: 'application/json',
    });

    const answered = await serving.call('POST', '/v2/models/churn-sagemaker/infer', infer);
    expect(answered.status).toBe(200);
    expect(answered.body.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [2, 2], data: EXPECTED }]);
    expect(sageMaker.received.at(-1)).toMatchObject({ path: '/endpoints/churn-prod/invocations' });
    expect(sageMaker.received.at(-1)!.headers['x-amzn-sagemaker-target-variant']).toBe('blue');
  });

  it('serves a v2-remote variant from the server it names', async () => {
    const created = await deploy('churn-triton', {
      runtime: 'v2-remote',
      endpoint: { url: v2.url, modelName: 'linear' },
    });
    expect(created.status).toBe(201);

    const answered = await serving.call('POST', '/v2/models/churn-triton/infer', infer);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ model_name: 'churn-triton', model_version: 'remote' });
    expect(answered.body.outputs[0].data).toEqual(EXPECTED);
    expect(v2.received.at(-1)!.path).toBe('/v2/models/linear/infer');
    const metadata = await serving.call('GET', '/v2/models/churn-triton');
    expect(metadata.body).toMatchObject({ versions: ['remote'], platform: 'onnx', inputs: LINEAR_SIGNATURE.inputs });
  });

  it('refuses, when written, an endpoint the outbound policy refuses or a remote runtime without one', async () => {
    const inward = await deploy('churn-inward', {
      runtime: 'v2-remote',
      endpoint: { url: 'http://169.254.169.254/', modelName: 'linear' },
    });
    expect(inward.status).toBe(400);
    expect(inward.body.errors[0].field).toBe('variants[0].endpoint.url');
    const bare = await deploy('churn-bare', { runtime: 'sagemaker' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].field).toBe('variants[0].endpoint');
  });

  it('opens the breaker when the v2 server dies, answers 503 fast with Retry-After, then recovers', async () => {
    await v2.die();
    const failed = await serving.call('POST', '/v2/models/churn-triton/infer', infer);
    expect(failed.status).toBe(503);

    const started = performance.now();
    const refused = await serving.call('POST', '/v2/models/churn-triton/infer', infer);
    // Fast: the open breaker answers without waiting for the call's timeout.
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.type).toContain('remote-runtime-circuit-open');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(HALF_OPEN_MS / 1000));
    expect((await serving.call('GET', '/v2/models/churn-triton/ready')).status).toBe(503);
    expect(await metrics()).toMatch(
      /prediction_remote_breaker_state\{runtime="v2-remote",deployment_id="[0-9a-f-]+",variant="remote"\} 2/,
    );

    await v2.revive();
    await waitFor(async () => (await serving.call('GET', '/v2/models/churn-triton/ready')).status === 200, {
      what: 'the breaker to let a trial call through',
    });
    const recovered = await serving.call('POST', '/v2/models/churn-triton/infer', infer);
    expect(recovered.status).toBe(200);
    expect(recovered.body.outputs[0].data).toEqual(EXPECTED);
    const exposition = await metrics();
    expect(exposition).toMatch(/prediction_remote_breaker_state\{runtime="v2-remote",[^}]*\} 0/);
    expect(exposition).toMatch(/prediction_remote_retries_total\{runtime="v2-remote",[^}]*\} [1-9]/);
    expect(exposition).toMatch(
      /prediction_remote_call_duration_seconds_count\{runtime="sagemaker",[^}]*,outcome="ok"\} 1/,
    );
  });
});
