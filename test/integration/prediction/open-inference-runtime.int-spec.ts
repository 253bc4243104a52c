import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundHttp, OutboundPolicy } from '@libs/outbound';
import { waitFor } from '@libs/testing';
import type { RemoteTarget } from '../../../src/contexts/prediction/application/ports/remote-model-runtime.js';
import {
  InferenceFailed,
  ModelRuntimeFailed,
  RemoteRuntimeCircuitOpen,
} from '../../../src/contexts/prediction/domain/errors.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';
import { OpenInferenceInvoker } from '../../../src/contexts/prediction/infrastructure/remote/open-inference-invoker.js';
import { ResilientRemoteRuntime } from '../../../src/contexts/prediction/infrastructure/remote/resilient-remote-runtime.js';
import { LocalModelServer } from '../../support/prediction/local-model-servers.js';
import { aPinnedVersion } from '../../support/prediction/prediction-objects.js';
import { RecordingRemoteCallMetrics, remoteSettings } from '../../support/prediction/remote-fakes.js';

const x: Tensor = { name: 'x', datatype: 'FP32', shape: [1, 3], data: [0, 1, 1] };
const SETTINGS = remoteSettings({ timeoutMs: 300, maxRetries: 1, breakerFailures: 2, breakerHalfOpenAfterMs: 200 });

describe('the v2-remote runtime against a local Open Inference Protocol server', () => {
  let server: LocalModelServer;
  let metrics: RecordingRemoteCallMetrics;
  let runtime: ResilientRemoteRuntime;
  const target = (variant: string, url = server.url, modelVersion?: string): RemoteTarget => ({
    deploymentId: '0190a6a0-0000-7000-8000-0000000000d2',
    variant,
    endpoint: { kind: 'v2-remote', url, modelName: 'linear', ...(modelVersion && { modelVersion }) },
  });
  const infer = (variant: string) => runtime.infer(target(variant), aPinnedVersion(), [x]);

  beforeAll(async () => {
    server = await LocalModelServer.openInference();
    // Only this server's port is reachable on the loopback, as an operator would allow one in-cluster server.
    const policy = new OutboundPolicy({
      allowedSchemes: ['http'],
      allowPrivateNetworks: false,
      allowedPrivateHosts: [server.host],
    });
    metrics = new RecordingRemoteCallMetrics();
    runtime = new ResilientRemoteRuntime(
      {
        sagemaker: { invoke: () => Promise.reject(new Error('not this one')) },
        'v2-remote': new OpenInferenceInvoker(new OutboundHttp(policy), 1024 * 1024),
      },
      SETTINGS,
      metrics,
    );
  });
  afterAll(async () => {
    await server?.die();
  });

  it('posts the protocol’s request to /v2/models/{m}[/versions/{v}]/infer and answers its outputs', async () => {
    await expect(infer('champion')).resolves.toEqual([{ name: 'y', datatype: 'FP32', shape: [1, 2], data: [8.5, 9] }]);
    expect(server.received.at(-1)).toMatchObject({ method: 'POST', path: '/v2/models/linear/infer' });

    await runtime.infer(target('pinned', `${server.url}/`, '3'), aPinnedVersion(), [x]);
    expect(server.received.at(-1)!.path).toBe('/v2/models/linear/versions/3/infer');
  });

  it('refuses on every call a URL the outbound policy refuses, without sending anything', async () => {
    const before = server.received.length;
    const elsewhere = server.url.replace('127.0.0.1', 'localhost');
    await expect(runtime.infer(target('elsewhere', elsewhere), aPinnedVersion(), [x])).rejects.toThrow(
      /outbound policy refuses/,
    );
    expect(server.received.length).toBe(before);
  });

  it('answers a 400 as a failed inference', async () => {
    server.mode = 'refuses';
    try {
      await expect(infer('refused')).rejects.toThrow(InferenceFailed);
    } finally {
      server.mode = 'answers';
    }
  });

  it('ends an attempt that hangs at the timeout and retries it once', async () => {
    server.mode = 'hangs';
    const before = server.received.length;
    try {
      await expect(infer('slow')).rejects.toThrow(ModelRuntimeFailed);
      expect(server.received.length).toBe(before + 2);
    } finally {
      server.mode = 'answers';
    }
  });

  it('opens the breaker when the server dies, answers fast while open, and recovers once it is back', async () => {
    await expect(infer('mortal')).resolves.toHaveLength(1);
    await server.die();

    await expect(infer('mortal')).rejects.toThrow(ModelRuntimeFailed);
    const started = performance.now();
    await expect(infer('mortal')).rejects.toThrow(RemoteRuntimeCircuitOpen);
    expect(performance.now() - started).toBeLessThan(SETTINGS.timeoutMs);
    expect(metrics.calls.at(-1)?.outcome).toBe('circuit-open');

    await server.revive();
    await waitFor(() => runtime.accepting(target('mortal')), { what: 'the half-open delay to pass' });
    await expect(infer('mortal')).resolves.toEqual([expect.objectContaining({ data: [8.5, 9] })]);
    expect(metrics.states.slice(-3)).toEqual(['open', 'half-open', 'closed']);
  });
});
