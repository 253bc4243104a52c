import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RemoteTarget } from '../../../src/contexts/prediction/application/ports/remote-model-runtime.js';
import { InferenceFailed, RemoteRuntimeCircuitOpen } from '../../../src/contexts/prediction/domain/errors.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';
import { ResilientRemoteRuntime } from '../../../src/contexts/prediction/infrastructure/remote/resilient-remote-runtime.js';
import { SageMakerInvoker } from '../../../src/contexts/prediction/infrastructure/remote/sagemaker-invoker.js';
import { LocalModelServer } from '../../support/prediction/local-model-servers.js';
import { aPinnedVersion } from '../../support/prediction/prediction-objects.js';
import { RecordingRemoteCallMetrics, remoteSettings } from '../../support/prediction/remote-fakes.js';

const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
  AWS_SECRET_ACCESS_KEY: 'local-secret',
  AWS_REGION: 'eu-west-1',
};
const x: Tensor = { name: 'x', datatype: 'FP32', shape: [2, 3], data: [1, 0, 0, 0, 1, 1] };
const target = (variant: string, targetVariant?: string): RemoteTarget => ({
  deploymentId: '0190a6a0-0000-7000-8000-0000000000d1',
  variant,
  endpoint: {
    kind: 'sagemaker',
    endpointName: 'churn-prod',
    ...(targetVariant && { targetVariant }),
    contentType: 'application/json',
  },
});

describe('the sagemaker runtime against a local InvokeEndpoint server (through the SDK’s endpoint override)', () => {
  let server: LocalModelServer;
  let invoker: SageMakerInvoker;
  let metrics: RecordingRemoteCallMetrics;
  let runtime: ResilientRemoteRuntime;
  const previous = Object.fromEntries(Object.keys(AWS_ENV).map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    Object.assign(process.env, AWS_ENV);
    server = await LocalModelServer.sageMaker();
    invoker = new SageMakerInvoker(server.url);
    metrics = new RecordingRemoteCallMetrics();
    runtime = new ResilientRemoteRuntime(
      { sagemaker: invoker, 'v2-remote': { invoke: () => Promise.reject(new Error('not this one')) } },
      remoteSettings({ maxRetries: 1, breakerFailures: 2 }),
      metrics,
    );
  });
  afterAll(async () => {
    invoker?.destroy();
    await server?.die();
    for (const [name, value] of Object.entries(previous))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it('invokes the endpoint with the protocol’s JSON, signed, with its TargetVariant, and answers its outputs', async () => {
    const outputs = await runtime.infer(target('champion', 'AllTraffic'), aPinnedVersion(), [x]);

    // By hand: [1,0,0]·W + b = [1.5, 1], [0,1,1]·W + b = [8.5, 9].
    expect(outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [2, 2], data: [1.5, 1, 8.5, 9] }]);
    const request = server.received.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/endpoints/churn-prod/invocations' });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['x-amzn-sagemaker-target-variant']).toBe('AllTraffic');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\/\d{8}\/eu-west-1\/sagemaker\/aws4_request/,
    );
    expect(JSON.parse(request.body)).toEqual({
      inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 0, 0, 0, 1, 1] }],
      outputs: [{ name: 'y' }],
    });
    expect(metrics.calls.at(-1)).toEqual({
      labels: { runtime: 'sagemaker', deploymentId: target('champion').deploymentId, variant: 'champion' },
      outcome: 'ok',
    });
  });

  it('sends no TargetVariant when the variant names none, leaving the split to SageMaker', async () => {
    await runtime.infer(target('any'), aPinnedVersion(), [x]);
    expect(server.received.at(-1)!.headers['x-amzn-sagemaker-target-variant']).toBeUndefined();
  });

  it('answers a refusal (4xx) as a failed inference, without retrying it', async () => {
    server.mode = 'refuses';
    const before = server.received.length;
    try {
      await expect(runtime.infer(target('refused'), aPinnedVersion(), [x])).rejects.toThrow(InferenceFailed);
      expect(server.received.length).toBe(before + 1);
    } finally {
      server.mode = 'answers';
    }
  });

  it('retries a 503 once, then opens the variant’s breaker and stops calling', async () => {
    server.mode = 'fails';
    const before = server.received.length;
    try {
      await expect(runtime.infer(target('failing'), aPinnedVersion(), [x])).rejects.toThrow(/did not answer/);
      expect(server.received.length).toBe(before + 2);
      expect(metrics.retries).toHaveLength(1);

      await expect(runtime.infer(target('failing'), aPinnedVersion(), [x])).rejects.toThrow(RemoteRuntimeCircuitOpen);
      expect(server.received.length).toBe(before + 2);
      expect(runtime.accepting(target('failing'))).toBe(false);
      // Another variant's breaker is its own.
      expect(runtime.accepting(target('champion', 'AllTraffic'))).toBe(true);
    } finally {
      server.mode = 'answers';
    }
  });
});
