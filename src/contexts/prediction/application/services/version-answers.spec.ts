import { describe, expect, it } from '@jest/globals';
import { fakePredictionPorts, versionAnswersOf } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { ServingOptionsInput } from '../../domain/deployment/serving-options.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

const x: Tensor[] = [{ name: 'x', datatype: 'FP32', shape: [1, 3], data: [1, 2, 3] }];

function arrange(serving: ServingOptionsInput) {
  const ports = fakePredictionPorts();
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [aVariant('champion', 1)],
    serving,
    createdBy: ACTOR,
    at: new Date(),
  });
  const answers = versionAnswersOf(ports);
  const [variant] = deployment.variants;
  const ask = (inputs: readonly Tensor[], cacheAllowed = true) =>
    answers.answer({ deployment, variant, version: variant.version, inputs, cacheAllowed });
  return { ports, deployment, ask };
}

describe('VersionAnswers', () => {
  it('answers repeated inputs from the cache with the deployment’s TTL, counting hits and misses', async () => {
    const { ports, deployment, ask } = arrange({ cache: { enabled: true, ttlSeconds: 30 } });

    const first = await ask(x);
    await ask([{ ...x[0], data: [1, 2, 3] }]);
    await ask([{ ...x[0], data: [3, 2, 1] }]);

    expect(first).toEqual([{ name: 'y', datatype: 'FP32', shape: [1, 1], data: [1] }]);
    expect(ports.runtime.calls).toHaveLength(2);
    expect(ports.cacheMetrics.lookups).toEqual([
      `${deployment.id}/champion:miss`,
      `${deployment.id}/champion:hit`,
      `${deployment.id}/champion:miss`,
    ]);
    expect([...ports.cache.entries.values()].map((entry) => entry.ttlSeconds)).toEqual([30, 30]);
  });

  it('neither reads nor writes the cache when the request says no, or the deployment has it off', async () => {
    const asked = arrange({ cache: { enabled: true } });
    await asked.ask(x, false);
    await asked.ask(x, false);
    const off = arrange({});
    await off.ask(x);
    await off.ask(x);

    for (const { ports } of [asked, off]) {
      expect(ports.runtime.calls).toHaveLength(2);
      expect(ports.cacheMetrics.lookups).toEqual([]);
      expect(ports.cache.entries.size).toBe(0);
    }
  });
});
