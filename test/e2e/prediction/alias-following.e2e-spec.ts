/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import type { Client } from '../user-management/auth-client.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { LINEAR_WEIGHTS } from '../../support/prediction/linear-model.js';
import { approvedOnnxVersion, deployChampion, pointAlias } from '../../support/prediction/onnx-deployments.js';

const ROWS = [
  [1, 0, 0],
  [0, 1, 1],
];
// By hand: version 1 is y = x·W + [0.5, -1]; version 2 is y = x·2W.
const BY_VERSION_1 = [1.5, 1, 8.5, 9];
const BY_VERSION_2 = [2, 4, 16, 20];
const INFER = { inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: ROWS }] };
const CLIENTS = 8;

describe('deployments follow their alias (in-process ONNX, PostgreSQL, Redis)', () => {
  let world: RegistryWorld;
  let modelId: string;
  let version1: string;
  let version2: string;
  let aliasTag: string;
  let serving: Client;
  let redis: Redis;

  const deploy = (name: string, serving?: object) => deployChampion(world, name, 'churn@champion', serving);

  async function metricValue(pattern: RegExp): Promise<number> {
    const exposition = await (await fetch(`${world.app.url}/metrics`)).text();
    const match = pattern.exec(exposition);
    return match ? Number(match[1]) : 0;
  }

  const cachedKeysOf = (versionId: string) => redis.keys(`prediction:answers:${versionId}:*`);

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem({}, 'user-management,model-registry,prediction');
    redis = new Redis(process.env.REDIS_URL!);
    modelId = (await world.model('churn')).id;
    version1 = await approvedOnnxVersion(world, modelId);
    version2 = await approvedOnnxVersion(
      world,
      modelId,
      LINEAR_WEIGHTS.map((row) => row.map((w) => w * 2)),
      [0, 0],
    );
    const moved = await pointAlias(world, modelId, 'champion', version1);
    aliasTag = moved.headers.get('etag')!;
    serving = world.editor.client.withHeaders({ 'x-project-id': world.projectId });
  });
  afterAll(async () => {
    redis?.disconnect();
    await world?.close();
  });

  it('answers repeated inputs from the response cache, per deployment, unless the request says no-cache', async () => {
    const deploymentId = await deploy('churn-cached', { cache: { enabled: true, ttlSeconds: 60 } });
    const hits = new RegExp(
      `prediction_cache_lookups_total\\{deployment="${deploymentId}",variant="champion",result="hit"\\} (\\d+)`,
    );
    const misses = new RegExp(
      `prediction_cache_lookups_total\\{deployment="${deploymentId}",variant="champion",result="miss"\\} (\\d+)`,
    );

    for (let call = 0; call < 3; call += 1) {
      const answered = await serving.call('POST', '/v2/models/churn-cached/infer', INFER);
      expect(answered.body.outputs[0].data).toEqual(BY_VERSION_1);
      // The answer is stored without the request waiting for it.
      if (call === 0)
        await waitFor(async () => (await cachedKeysOf(version1)).length === 1, { what: 'a cached answer' });
    }
    const fresh = await serving
      .withHeaders({ 'cache-control': 'no-cache' })
      .call('POST', '/v2/models/churn-cached/infer', INFER);
    const refused = await serving.call('POST', '/v2/models/churn-cached/infer', {
      ...INFER,
      parameters: { cache: false },
    });
    expect([fresh.body.outputs[0].data, refused.body.outputs[0].data]).toEqual([BY_VERSION_1, BY_VERSION_1]);

    expect([await metricValue(hits), await metricValue(misses)]).toEqual([2, 1]);
    expect((await world.editor.client.call('GET', `/api/v1/deployments/${deploymentId}`)).body.serving).toMatchObject({
      cache: { enabled: true, ttlSeconds: 60 },
      batching: { enabled: false, maxSize: 16, maxWaitMs: 2 },
    });
  });

  it('switches the answers when the alias moves, with no failed request under concurrent load', async () => {
    const deploymentId = await deploy('churn');
    expect((await serving.call('POST', '/v2/models/churn/infer', INFER)).body.outputs[0].data).toEqual(BY_VERSION_1);

    let running = true;
    const statuses: number[] = [];
    const answersByClient: string[][] = Array.from({ length: CLIENTS }, () => []);
    const clients = answersByClient.map(async (answers) => {
      while (running) {
        const answered = await serving.call('POST', '/v2/models/churn/infer', INFER);
        statuses.push(answered.status);
        if (answered.status === 200) {
          const data = JSON.stringify(answered.body.outputs[0].data);
          answers.push(
            data === JSON.stringify(BY_VERSION_1) ? 'v1' : data === JSON.stringify(BY_VERSION_2) ? 'v2' : data,
          );
        }
      }
    });
    try {
      await waitFor(() => statuses.length >= 50, { what: 'load before the move' });
      const moved = await world.editor.client
        .withHeaders({ 'if-match': aliasTag })
        .call('PUT', `/api/v1/models/${modelId}/aliases/champion`, { versionId: version2 });
      expect(moved.status).toBe(200);

      await waitFor(() => answersByClient.every((answers) => answers.at(-1) === 'v2'), {
        what: 'every client answered by version 2',
      });
      const afterSwitch = statuses.length;
      await waitFor(() => statuses.length >= afterSwitch + 50, { what: 'load after the switch' });
    } finally {
      running = false;
      await Promise.all(clients);
    }

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    for (const answers of answersByClient) {
      // Each client saw version 1, then version 2 only: one switch, never back.
      const firstOfVersion2 = answers.indexOf('v2');
      expect(firstOfVersion2).toBeGreaterThan(0);
      expect(new Set(answers.slice(0, firstOfVersion2))).toEqual(new Set(['v1']));
      expect(new Set(answers.slice(firstOfVersion2))).toEqual(new Set(['v2']));
    }

    const deployment = await world.editor.client.call('GET', `/api/v1/deployments/${deploymentId}`);
    expect(deployment.body.variants[0]).toMatchObject({ model: 'churn@champion', modelVersionId: version2 });
    // The answers cached for the version the alias left are purged once the deployments re-pinned.
    await waitFor(async () => (await cachedKeysOf(version1)).length === 0, { what: 'version 1 purged from the cache' });
    const rolled = await waitFor(
      async () => {
        const entries = await redis.xrange('events.prediction', '-', '+');
        const envelopes = entries.map(
          ([, fields]) =>
            JSON.parse(fields[fields.indexOf('envelope') + 1]) as {
              type: string;
              aggregateId: string;
              payload: unknown;
            },
        );
        return envelopes.find(
          (envelope) => envelope.type === 'prediction.deployment.rolled.v1' && envelope.aggregateId === deploymentId,
        );
      },
      { what: 'the rolled event on the stream' },
    );
    expect(rolled.payload).toMatchObject({
      model: 'churn@champion',
      variants: [{ name: 'champion', fromVersionId: version1, toVersionId: version2 }],
    });
  });

  it('answers concurrent requests with micro-batching on exactly as the model computes each alone', async () => {
    await deploy('churn-batched', { batching: { enabled: true, maxSize: 64, maxWaitMs: 20 } });
    const requests = Array.from({ length: 24 }, (_, index) =>
      Array.from({ length: 1 + (index % 3) }, (_, row) => [index, row, 1]),
    );
    // The alias names version 2 now: y = x·2W, by hand.
    const byHand = (rows: number[][]) =>
      rows.flatMap(([a, b, c]) => [2 * (a * 1 + b * 3 + c * 5), 2 * (a * 2 + b * 4 + c * 6)]);

    const answers = await Promise.all(
      requests.map((rows) =>
        serving.call('POST', '/v2/models/churn-batched/infer', {
          inputs: [{ name: 'x', shape: [rows.length, 3], datatype: 'FP32', data: rows }],
        }),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 200));
    expect(answers.map((answer) => answer.body.outputs[0])).toEqual(
      requests.map((rows) => ({ name: 'y', datatype: 'FP32', shape: [rows.length, 2], data: byHand(rows) })),
    );
    // Fewer model calls than requests: concurrent ones ran together.
    const calls = await metricValue(/prediction_batch_requests_count (\d+)/);
    const batched = await metricValue(/prediction_batch_requests_sum (\d+)/);
    expect(batched).toBe(requests.length);
    expect(calls).toBeLessThan(requests.length);
  });
});
