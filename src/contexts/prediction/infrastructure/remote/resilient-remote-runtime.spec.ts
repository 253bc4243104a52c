import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { aPinnedVersion } from '../../../../../test/support/prediction/prediction-objects.js';
import {
  RecordingRemoteCallMetrics,
  remoteSettings,
  ScriptedInvoker,
} from '../../../../../test/support/prediction/remote-fakes.js';
import type { RemoteTarget } from '../../application/ports/remote-model-runtime.js';
import { InferenceFailed, ModelRuntimeFailed, RemoteRuntimeCircuitOpen } from '../../domain/errors.js';
import { ResilientRemoteRuntime } from './resilient-remote-runtime.js';

const DEPLOYMENT = '0190a6a0-0000-7000-8000-0000000000d9';
const target = (variant: string, url = 'https://a.example'): RemoteTarget => ({
  deploymentId: DEPLOYMENT,
  variant,
  endpoint: { kind: 'v2-remote', url, modelName: 'churn' },
});

function arrange() {
  const v2 = new ScriptedInvoker();
  const sagemaker = new ScriptedInvoker();
  const metrics = new RecordingRemoteCallMetrics();
  const runtime = new ResilientRemoteRuntime(
    { sagemaker, 'v2-remote': v2 },
    remoteSettings({ maxRetries: 0, breakerFailures: 1 }),
    metrics,
  );
  const infer = (remote: RemoteTarget) => runtime.infer(remote, aPinnedVersion(), []);
  return { v2, sagemaker, metrics, runtime, infer };
}

describe('ResilientRemoteRuntime', () => {
  // The clock stands still (the breaker reads Date.now): an open breaker stays open for the whole
  // test. With the clock running, a busy machine let its 100 ms half-open delay pass between two
  // calls, and the call expected to be refused reached the server.
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('calls the invoker of the endpoint’s kind and times the call under the target’s labels', async () => {
    const { v2, sagemaker, metrics, infer } = arrange();

    await infer(target('blue'));

    expect([v2.server.attempts, sagemaker.server.attempts]).toEqual([1, 0]);
    expect(metrics.calls).toEqual([
      { labels: { runtime: 'v2-remote', deploymentId: DEPLOYMENT, variant: 'blue' }, outcome: 'ok' },
    ]);
  });

  it('answers a refusal as InferenceFailed, a failure as ModelRuntimeFailed, an open breaker as 503 with Retry-After', async () => {
    const { v2, metrics, infer } = arrange();
    v2.server.behaviour = 'refuses';
    await expect(infer(target('blue'))).rejects.toThrow(InferenceFailed);
    v2.server.behaviour = 'fails';
    await expect(infer(target('blue'))).rejects.toThrow(ModelRuntimeFailed);

    const open = await infer(target('blue')).catch((error: unknown) => error);
    expect(open).toBeInstanceOf(RemoteRuntimeCircuitOpen);
    expect(open).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 1 });
    expect(metrics.calls.map((call) => call.outcome)).toEqual(['refused', 'failed', 'circuit-open']);
    expect(metrics.states).toEqual(['closed', 'open']);
  });

  it('keeps one breaker per variant and endpoint: another variant, or a new endpoint, is still called', async () => {
    const { v2, runtime, infer } = arrange();
    v2.server.behaviour = 'fails';
    await expect(infer(target('blue'))).rejects.toThrow(ModelRuntimeFailed);
    expect(runtime.accepting(target('blue'))).toBe(false);

    v2.server.behaviour = 'answers';
    await expect(infer(target('green'))).resolves.toHaveLength(1);
    await expect(infer(target('blue', 'https://b.example'))).resolves.toHaveLength(1);
    await expect(infer(target('blue'))).rejects.toThrow(RemoteRuntimeCircuitOpen);
  });
});
