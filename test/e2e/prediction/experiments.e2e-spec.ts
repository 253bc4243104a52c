/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import type { Client } from '../user-management/auth-client.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';
import { approvedOnnxVersion } from '../../support/prediction/onnx-deployments.js';

const SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};
const PER_VARIANT = 80;
const MIN_SAMPLES = 60;

/** mulberry32: a small seeded generator, so "no difference" is the same draw on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('closed-loop experiments: feedback, a significance test, and promotion of the winner', () => {
  let world: RegistryWorld;
  let modelId: string;
  let version1: string;
  let version2: string;
  let serving: Client;

  const onnxVersion = (weights: readonly (readonly number[])[], bias: readonly number[]) =>
    approvedOnnxVersion(world, modelId, weights, bias);

  async function deploy(
    name: string,
    alias: string,
    sampleRate: number,
    challenger = version2,
    experiment: { test?: string; promote?: boolean } = {},
  ): Promise<string> {
    const created = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name,
      variants: [
        { name: 'a', model: version1, runtime: 'onnx', weight: 50 },
        { name: 'b', model: challenger, runtime: 'onnx', weight: 50 },
      ],
      serving: {
        logging: { sampleRate, retentionDays: 7 },
        experiment: {
          metric: 'accuracy',
          alpha: 0.05,
          minSamples: MIN_SAMPLES,
          ...(experiment.test && { test: experiment.test }),
          promote: { enabled: experiment.promote ?? true, alias },
        },
      },
    });
    if (created.status !== 201) throw new Error(`deploy: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id as string;
  }

  async function aliasVersion(alias: string): Promise<string | undefined> {
    const aliases = await world.editor.client.call('GET', `/api/v1/models/${modelId}/aliases`);
    return (aliases.body as { alias: string; versionId: string }[]).find((found) => found.alias === alias)?.versionId;
  }

  /**
   * PER_VARIANT predictions from each variant (addressed by name: the same draws on every run), then
   * feedback whose label is the predicted one with the variant's accuracy, else a wrong one.
   */
  async function traffic(deployment: string, accuracy: Record<'a' | 'b', number>, seed: number): Promise<string[]> {
    const random = seeded(seed);
    const ids: string[] = [];
    for (const variant of ['a', 'b'] as const) {
      for (let start = 0; start < PER_VARIANT; start += 8) {
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, offset) =>
            serving.call('POST', `/v2/models/${deployment}/versions/${variant}/infer`, {
              inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[start + offset, 0, 0]] }],
            }),
          ),
        );
        const feedback = answers.map((answer) => {
          expect(answer.status).toBe(200);
          const predicted = answer.body.outputs[0].data[0] as number;
          ids.push(answer.body.id as string);
          const label = random() < accuracy[variant] ? predicted : predicted + 1000;
          return serving.call('POST', `/api/v1/predictions/${answer.body.id}/feedback`, { label });
        });
        for (const given of await Promise.all(feedback)) expect(given.status).toBe(204);
      }
    }
    return ids;
  }

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem(
      {
        PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
        PREDICTION_EXPERIMENT_INTERVAL_MS: '200',
        // Every request reads the bandit's counts, so routing follows the feedback given just before.
        PREDICTION_BANDIT_REFRESH_MS: '0',
      },
      'user-management,model-registry,prediction',
    );
    modelId = (await world.model('churn', { protectedAliases: ['guarded'] })).id;
    version1 = await onnxVersion(LINEAR_WEIGHTS, LINEAR_BIAS);
    version2 = await onnxVersion(
      LINEAR_WEIGHTS.map((row) => row.map((w) => w * 2)),
      [0, 0],
    );
    for (const alias of ['champion', 'steady', 'guarded'])
      expect(
        (await world.editor.client.call('PUT', `/api/v1/models/${modelId}/aliases/${alias}`, { versionId: version1 }))
          .status,
      ).toBe(200);
    serving = world.editor.client.withHeaders({ 'x-project-id': world.projectId });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('gives every answer a prediction id, logs the sampled payloads, and takes feedback once', async () => {
    const deploymentId = await deploy('churn-logged', 'unused', 1);
    const echoed = await serving.call('POST', '/v2/models/churn-logged/infer', {
      id: 'caller-42',
      inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[1, 0, 0]] }],
    });
    expect(echoed.body.id).toBe('caller-42');
    const predictionId = echoed.body.parameters.prediction_id as string;
    const predicted = await serving.call('POST', `/api/v1/deployments/${deploymentId}/predict`, {
      instances: [[0, 1, 1]],
    });
    expect(predicted.body.predictionId).toMatch(/^[0-9a-f-]{36}$/);

    // The record is written off the request's path; it shows up within a flush interval.
    const record = await waitFor(
      async () => {
        const found = await world.editor.client.call('GET', `/api/v1/predictions/${predictionId}`);
        return found.status === 200 ? found.body : undefined;
      },
      { what: 'the prediction record' },
    );
    expect(record).toMatchObject({
      id: predictionId,
      deploymentId,
      variant: echoed.body.model_version,
      modelVersionId: echoed.body.parameters.model_version_id,
      outcome: 'ok',
      predicted: echoed.body.outputs[0].data[0],
      sampled: true,
      request: [{ name: 'x', shape: [1, 3], datatype: 'FP32' }],
      response: [{ name: 'y', data: echoed.body.outputs[0].data }],
      feedback: null,
    });
    expect(record.latencyMs).toBeGreaterThan(0);

    const variant = echoed.body.model_version as string;
    const listed = await world.editor.client.call(
      'GET',
      `/api/v1/deployments/${deploymentId}/predictions?variant=${variant}&limit=10`,
    );
    const items = listed.body.items as { id: string; variant: string }[];
    expect(items.map((item) => item.id)).toContain(predictionId);
    expect(items.every((item) => item.variant === variant)).toBe(true);

    const url = `/api/v1/predictions/${predictionId}/feedback`;
    expect((await serving.call('POST', url, { label: 'churned' })).status).toBe(204);
    const again = await serving.call('POST', url, { label: 'stayed' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await serving.call('POST', `/api/v1/predictions/${predicted.body.predictionId}/feedback`, {})).status).toBe(
      400,
    );
    // Another project's prediction is not there for an outsider.
    expect((await world.outsider.client.call('POST', url, { label: 'x' })).status).toBe(404);
    expect((await world.outsider.client.call('GET', `/api/v1/predictions/${predictionId}`)).status).toBe(404);
  });

  it('moves the alias to the significantly better variant, and leaves it when there is no difference', async () => {
    const steadyId = await deploy('churn-steady', 'steady', 0);
    const plantedId = await deploy('churn-planted', 'champion', 0);

    // No difference (both right 80% of the time, fixed seed) first, then a planted one: 50% against 95%.
    await traffic('churn-steady', { a: 0.8, b: 0.8 }, 20261207);
    await traffic('churn-planted', { a: 0.5, b: 0.95 }, 7);

    const planted = await world.editor.client.call('GET', `/api/v1/deployments/${plantedId}/experiment`);
    expect(planted.body.status).toBe('significant');
    expect((planted.body.variants as { samples: number }[]).map((variant) => variant.samples)).toEqual([
      PER_VARIANT,
      PER_VARIANT,
    ]);
    expect(planted.body.comparison).toMatchObject({ test: 'two-proportion-z', significant: true, winner: 'b' });
    expect(planted.body.comparison.pValue).toBeLessThan(0.05);
    const [low, high] = planted.body.comparison.confidenceInterval as number[];
    expect(high).toBeLessThan(0);
    expect(low).toBeLessThan(high);

    // The worker moves the registry's alias to the winner's version, once, and records why.
    await waitFor(async () => (await aliasVersion('champion')) === version2, { what: 'champion moved to version 2' });
    const decided = await waitFor(
      async () => {
        const experiment = await world.editor.client.call('GET', `/api/v1/deployments/${plantedId}/experiment`);
        return experiment.body.decisions.length > 0 ? experiment.body.decisions : undefined;
      },
      { what: 'the recorded decision' },
    );
    expect(decided).toEqual([
      expect.objectContaining({
        alias: 'champion',
        winnerVariant: 'b',
        fromVersionId: version1,
        toVersionId: version2,
      }),
    ]);
    const aliases = await world.editor.client.call('GET', `/api/v1/models/${modelId}/aliases`);
    expect(aliases.body).toContainEqual(expect.objectContaining({ alias: 'champion', updatedBy: world.editor.id }));

    // The round that moved champion judged the steady deployment too, with all its feedback in.
    const steady = await world.editor.client.call('GET', `/api/v1/deployments/${steadyId}/experiment`);
    expect(steady.body.status).toBe('not-significant');
    expect(steady.body.comparison.pValue).toBeGreaterThanOrEqual(0.05);
    expect(steady.body.comparison.confidenceInterval[0]).toBeLessThan(0);
    expect(steady.body.comparison.confidenceInterval[1]).toBeGreaterThan(0);
    expect(steady.body.decisions).toEqual([]);
    expect(await aliasVersion('steady')).toBe(version1);
  });

  it('offers a sequential test: always-valid p-value and interval, significant for a planted difference only', async () => {
    const sequential = { test: 'sequential', promote: false };
    const steadyId = await deploy('churn-seq-steady', 'unused', 0, version2, sequential);
    const plantedId = await deploy('churn-seq-planted', 'unused', 0, version2, sequential);

    // The same draws as the fixed-horizon case above: no difference (80% both), then 50% against 95%.
    await traffic('churn-seq-steady', { a: 0.8, b: 0.8 }, 20261207);
    await traffic('churn-seq-planted', { a: 0.5, b: 0.95 }, 7);

    const planted = await world.editor.client.call('GET', `/api/v1/deployments/${plantedId}/experiment`);
    expect(planted.body.options).toMatchObject({ test: 'sequential', mixtureSd: 0.1 });
    expect(planted.body.status).toBe('significant');
    expect(planted.body.comparison).toMatchObject({ test: 'msprt-two-proportion', significant: true, winner: 'b' });
    expect(planted.body.comparison.pValue).toBeLessThan(0.05);
    const [low, high] = planted.body.comparison.confidenceInterval as number[];
    expect(high).toBeLessThan(0);
    expect(low).toBeLessThanOrEqual(planted.body.comparison.difference);

    const steady = await world.editor.client.call('GET', `/api/v1/deployments/${steadyId}/experiment`);
    expect(steady.body.status).toBe('not-significant');
    expect(steady.body.comparison.test).toBe('msprt-two-proportion');
    expect(steady.body.comparison.pValue).toBeGreaterThanOrEqual(0.05);
    expect(steady.body.comparison.confidenceInterval[0]).toBeLessThan(0);
    expect(steady.body.comparison.confidenceInterval[1]).toBeGreaterThan(0);

    // Values have no sequential test here: it compares proportions.
    const refused = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'churn-seq-values',
      variants: [{ name: 'a', model: version1, runtime: 'onnx' }],
      serving: { experiment: { metric: 'mae', test: 'sequential' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('routes a bandit deployment by Thompson sampling: traffic moves to the variant the feedback favours', async () => {
    const created = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'churn-bandit',
      routing: { mode: 'bandit', minFeedback: 20 },
      variants: [
        { name: 'a', model: version1, runtime: 'onnx', weight: 50 },
        { name: 'b', model: version2, runtime: 'onnx', weight: 50 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.routing).toEqual({ mode: 'bandit', requestKeyHeader: 'x-request-key', minFeedback: 20 });
    const outcome = seeded(99);
    const accuracy: Record<string, number> = { a: 0.3, b: 0.9 };
    const routed = async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          serving.call('POST', '/v2/models/churn-bandit/infer', {
            inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [[1, 2, 3]] }],
          }),
        ),
      );
      for (const answer of answers) expect(answer.status).toBe(200);
      return answers;
    };
    for (let round = 0; round < 30; round += 1) {
      const feedback = (await routed()).map((answer) => {
        const predicted = answer.body.outputs[0].data[0] as number;
        const label = outcome() < accuracy[answer.body.model_version as string] ? predicted : predicted + 1000;
        return serving.call('POST', `/api/v1/predictions/${answer.body.id}/feedback`, { label });
      });
      for (const given of await Promise.all(feedback)) expect(given.status).toBe(204);
    }

    const after: string[] = [];
    for (let round = 0; round < 20; round += 1)
      after.push(...(await routed()).map((answer) => answer.body.model_version as string));
    // The server's draws are not seeded, so the bound must hold for any: after 300 feedbacks, a (right
    // 30% of the time) has had at least its 20 warm-up answers, and its posterior (near Beta(7, 15) at
    // the least, sd 0.1) beats b's (near Beta(240, 28), sd 0.02) with a chance below 1e-6 per request:
    // 70% of 200 requests to b fails with a probability far below 1e-9.
    expect(after.filter((variant) => variant === 'b').length / after.length).toBeGreaterThan(0.7);
  });

  it('records the registry’s refusal when the winner may not take a protected alias, and leaves the alias', async () => {
    // Uploaded, never approved: servable by id, but a protected alias takes Approved versions only.
    const unapproved = (await world.version(modelId, { signature: SIGNATURE })).id as string;
    const uploaded = await world.upload(unapproved, linearModel(LINEAR_WEIGHTS, [0, 0]));
    expect(uploaded.status).toBe(200);
    const guardedId = await deploy('churn-guarded', 'guarded', 0, unapproved);

    await traffic('churn-guarded', { a: 0.5, b: 0.95 }, 11);

    const decisions = await waitFor(
      async () => {
        const experiment = await world.editor.client.call('GET', `/api/v1/deployments/${guardedId}/experiment`);
        return experiment.body.decisions.length > 0 ? experiment.body.decisions : undefined;
      },
      { what: 'the refused promotion' },
    );
    expect(decisions).toEqual([
      expect.objectContaining({ alias: 'guarded', toVersionId: unapproved, outcome: 'refused' }),
    ]);
    expect(await aliasVersion('guarded')).toBe(version1);
  });
});
