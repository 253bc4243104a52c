import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import {
  PredictionLog,
  type AnsweredPrediction,
} from '../../../src/contexts/prediction/application/ports/prediction-log.js';
import { PredictionRecords } from '../../../src/contexts/prediction/application/ports/prediction-records.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

const DAY = 24 * 3600 * 1000;

/** The prediction log and records on PostgreSQL, in an API process (no workers prune behind the test's back). */
describe('prediction records on PostgreSQL', () => {
  let app: TestApp;
  let log: PredictionLog;
  let records: PredictionRecords;

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV, { PREDICTION_LOG_MAX_PAYLOAD_BYTES: '256' });
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,model-registry,prediction',
      APP_ROLE: 'api',
    });
    log = app.app.get(PredictionLog, { strict: false });
    records = app.app.get(PredictionRecords, { strict: false });
  });
  afterAll(() => app?.close());

  function answered(deploymentId: string, overrides: Partial<AnsweredPrediction> = {}): AnsweredPrediction {
    return {
      predictionId: randomUUID(),
      projectId: randomUUID(),
      deploymentId,
      variant: 'a',
      modelVersionId: randomUUID(),
      outcome: 'ok',
      predicted: 1,
      latencyMs: 2.5,
      at: new Date(),
      sampleRate: 0,
      payload: { request: () => [{ name: 'x', data: [1] }], response: () => [{ name: 'y', data: [1] }] },
      ...overrides,
    };
  }

  it('writes buffered records on flush, keeps payloads of the sampled ones, and caps large ones', async () => {
    const deploymentId = randomUUID();
    const sampled = answered(deploymentId, { sampleRate: 1 });
    const large = answered(deploymentId, {
      sampleRate: 1,
      variant: 'b',
      payload: { request: () => ({ data: 'x'.repeat(1000) }), response: () => [] },
    });
    const skipped = answered(deploymentId, { sampleRate: 0, variant: 'b' });
    for (const prediction of [sampled, large, skipped]) log.record(prediction);

    await log.flush();

    expect(await records.find(sampled.predictionId)).toMatchObject({
      sampled: true,
      request: [{ name: 'x', data: [1] }],
      response: [{ name: 'y', data: [1] }],
      predicted: 1,
      feedback: null,
    });
    expect((await records.find(large.predictionId))?.request).toEqual({
      truncated: true,
      bytes: '{"data":""}'.length + 1000,
    });
    expect(await records.find(skipped.predictionId)).toMatchObject({ sampled: false, request: null, response: null });
    const onlyB = await records.search({ deploymentId, variant: 'b', limit: 10 });
    expect(onlyB.map((record) => record.id).sort()).toEqual([large.predictionId, skipped.predictionId].sort());
    expect(await records.search({ deploymentId, from: new Date(Date.now() + DAY), limit: 10 })).toEqual([]);
  });

  it('counts accuracy (a label matches as JSON or as text) and the absolute errors per variant and version', async () => {
    const deploymentId = randomUUID();
    const version = randomUUID();
    const labelled = [
      { predicted: 1, label: 1 },
      { predicted: 1, label: '1' },
      { predicted: 'cat', label: 'dog' },
      { predicted: true, label: true },
    ];
    const valued = [
      { predicted: 10, value: 12 },
      { predicted: 10, value: 7 },
      { predicted: 10, value: 10 },
    ];
    const all = [...labelled, ...valued].map((feedback) =>
      answered(deploymentId, { modelVersionId: version, predicted: feedback.predicted }),
    );
    for (const prediction of all) log.record(prediction);
    log.record(answered(deploymentId, { modelVersionId: version, outcome: 'failed', predicted: undefined }));
    await log.flush();
    for (const [index, feedback] of [...labelled, ...valued].entries()) {
      const given = 'label' in feedback ? { label: feedback.label } : { value: feedback.value };
      expect(await records.recordFeedback(all[index].predictionId, given, 'u1', new Date())).toBe('recorded');
    }
    expect(await records.recordFeedback(all[0].predictionId, { label: 2 }, 'u1', new Date())).toBe('already-given');
    expect(await records.recordFeedback(randomUUID(), { label: 2 }, 'u1', new Date())).toBe('missing');

    const [outcomes] = await records.outcomes(deploymentId);

    // Errors 2, 3, 0: mean 5/3, sample variance ((1/3)² + (4/3)² + (5/3)²) / 2 = 7/3.
    expect(outcomes).toMatchObject({
      variant: 'a',
      modelVersionId: version,
      predictions: 8,
      failed: 1,
      withFeedback: 4,
      correct: 3,
      errorCount: 3,
    });
    expect(outcomes?.meanError).toBeCloseTo(5 / 3, 10);
    expect(outcomes?.errorVariance).toBeCloseTo(7 / 3, 10);
  });

  it('lists labelled feedback in the order it was given, judged as the accuracy counts it', async () => {
    const deploymentId = randomUUID();
    const version = randomUUID();
    const given = [
      { prediction: answered(deploymentId, { modelVersionId: version, predicted: 1 }), feedback: { label: '1' } },
      { prediction: answered(deploymentId, { variant: 'b', predicted: 'churned' }), feedback: { label: 'stayed' } },
      { prediction: answered(deploymentId, { modelVersionId: version, predicted: 2.5 }), feedback: { value: 2 } },
      { prediction: answered(deploymentId, { modelVersionId: version, predicted: 0 }), feedback: { label: 0 } },
    ];
    for (const { prediction } of given) log.record(prediction);
    await log.flush();
    const start = Date.now();
    // Feedback in the reverse order of the answers, one second apart: the order is the feedback's.
    for (const [index, { prediction, feedback }] of [...given].reverse().entries())
      expect(
        await records.recordFeedback(prediction.predictionId, feedback, 'u1', new Date(start + index * 1000)),
      ).toBe('recorded');

    expect(await records.judgedLabels(deploymentId)).toEqual([
      { variant: 'a', modelVersionId: version, correct: true },
      { variant: 'b', modelVersionId: given[1].prediction.modelVersionId, correct: false },
      { variant: 'a', modelVersionId: version, correct: true },
    ]);
  });

  it('prunes records past the retention (30 days for a deployment that is gone)', async () => {
    const deploymentId = randomUUID();
    const old = answered(deploymentId, { at: new Date(Date.now() - 31 * DAY) });
    const recent = answered(deploymentId, { at: new Date(Date.now() - 29 * DAY) });
    log.record(old);
    log.record(recent);
    await log.flush();

    expect(await records.prune(new Date())).toBeGreaterThanOrEqual(1);

    expect(await records.find(old.predictionId)).toBeUndefined();
    expect(await records.find(recent.predictionId)).toBeDefined();
  });
});
