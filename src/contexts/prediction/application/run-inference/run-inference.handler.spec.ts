import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { waitFor } from '@libs/testing';
import {
  fakePredictionPorts,
  banditRoutingOf,
  versionAnswersOf,
} from '../../../../../test/support/prediction/fake-ports.js';
import {
  ACTOR,
  aRemoteVariant,
  aVariant,
  OTHER_PROJECT,
  PROJECT,
} from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { Variant } from '../../domain/deployment/variant.js';
import type { RoutingMode } from '../../domain/routing/traffic-router.js';
import { banditArm } from '../ports/bandit-feedback.js';
import { InferenceInputInvalid } from '../../domain/errors.js';
import { AjvInferenceInputs } from '../../infrastructure/inputs/ajv-inference-inputs.js';
import { VariantInference } from '../services/variant-inference.js';
import { RunInferenceHandler } from './run-inference.handler.js';
import { RecordingPredictionLog } from '../../../../../test/support/prediction/feedback-fakes.js';

const x = { name: 'x', datatype: 'FP32', shape: [1, 3], data: [1, 2, 3] };

async function arrange(variants: Variant[], mode: RoutingMode = 'split') {
  const ports = fakePredictionPorts();
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode, requestKeyHeader: 'x-request-key' },
    variants,
    createdBy: ACTOR,
    at: new Date(),
  });
  await ports.deployments.add(deployment);
  const inference = new VariantInference(
    new AjvInferenceInputs(),
    versionAnswersOf(ports),
    ports.random,
    ports.metrics,
    ports.shadows,
    new RecordingPredictionLog(),
    banditRoutingOf(ports),
  );
  return { ports, deployment, handler: new RunInferenceHandler(ports.served, inference) };
}

const request = (overrides: object = {}) => ({
  projectId: PROJECT,
  model: 'churn',
  inputs: [x],
  headers: {},
  requestId: 'req-1',
  ...overrides,
});

describe('RunInferenceHandler', () => {
  it('answers from the variant the routing picks, with the version it pins', async () => {
    const { ports, handler } = await arrange([aVariant('champion', 1)]);

    const answer = await handler.execute(request());

    expect(answer.variant.name).toBe('champion');
    expect(answer.outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [1, 1], data: [1] }]);
    expect(ports.runtime.calls).toEqual([
      { versionId: answer.variant.version.versionId, inputs: [{ ...x, datatype: 'FP32' }] },
    ]);
    expect(ports.metrics.records).toEqual([{ role: 'primary', outcome: 'ok' }]);
    expect(ports.metrics.variants).toEqual([{ deploymentId: answer.deployment.id, variant: 'champion' }]);
  });

  it('keeps one request key on one variant in sticky mode', async () => {
    const { handler } = await arrange([aVariant('champion', 1), aVariant('challenger', 1)], 'sticky');

    const variants = new Set<string>();
    for (let call = 0; call < 20; call += 1)
      variants.add((await handler.execute(request({ headers: { 'x-request-key': 'user-7' } }))).variant.name);

    expect(variants.size).toBe(1);
  });

  it('routes a bandit deployment by weight until each variant has feedback, then mostly to the better one', async () => {
    const { ports, deployment, handler } = await arrange(
      [aVariant('champion', 9), aVariant('challenger', 1)],
      'bandit',
    );
    const challengerShare = async () => {
      let challenger = 0;
      for (let call = 0; call < 200; call += 1)
        if ((await handler.execute(request())).variant.name === 'challenger') challenger += 1;
      return challenger / 200;
    };
    // By weight the challenger expects 10%: 0.25 is seven standard deviations (0.021) above it.
    expect(await challengerShare()).toBeLessThan(0.25);

    const [champion, challenger] = deployment.variants;
    for (let answer = 0; answer < 30; answer += 1) {
      await ports.bandit.observe(deployment.id, banditArm(champion.name, champion.version.versionId), answer < 3);
      await ports.bandit.observe(deployment.id, banditArm(challenger.name, challenger.version.versionId), answer >= 3);
    }
    // Beta(28, 4) against Beta(4, 28): the champion's draw wins well under 1% of the time.
    expect(await challengerShare()).toBeGreaterThan(0.9);
  });

  it('answers from the variant a caller names, bypassing the routing', async () => {
    const { handler } = await arrange([aVariant('champion', 1), aVariant('challenger', 0)]);

    expect((await handler.execute(request({ variant: 'challenger' }))).variant.name).toBe('challenger');
    await expect(handler.execute(request({ variant: 'nobody' }))).rejects.toThrow(NotFoundError);
  });

  it('refuses a wrong datatype or shape naming the input, and never calls the runtime', async () => {
    const { ports, handler } = await arrange([aVariant('champion', 1)]);

    await expect(handler.execute(request({ inputs: [{ ...x, datatype: 'INT64' }] }))).rejects.toMatchObject({
      constructor: InferenceInputInvalid,
      errors: [{ field: 'inputs.x', message: 'has datatype INT64; the model takes FP32' }],
    });
    await expect(handler.execute(request({ inputs: [{ ...x, shape: [1, 4], data: [1, 2, 3, 4] }] }))).rejects.toThrow(
      /Input x has shape \[1,4\]/,
    );
    await expect(handler.execute(request({ inputs: [{ ...x, shape: [2, 3] }] }))).rejects.toThrow(
      /Input x has 3 values; shape \[2, 3\] needs 6/,
    );
    await expect(handler.execute(request({ inputs: [] }))).rejects.toThrow(/Input x is missing/);
    expect(ports.runtime.calls).toEqual([]);
    expect(ports.metrics.records.every((record) => record.outcome === 'invalid')).toBe(true);
  });

  it('sends a copy to a shadow, records its answer and never returns it', async () => {
    const shadow = aVariant('mirror', 0, { shadow: true });
    const { ports, handler } = await arrange([aVariant('champion', 1), shadow]);
    ports.runtime.answersWith(shadow.version.versionId, () => [
      { name: 'y', datatype: 'FP32', shape: [1, 1], data: [99] },
    ]);

    const answer = await handler.execute(request());
    await waitForShadows(ports.shadows.answers, 1);

    expect(answer.variant.name).toBe('champion');
    expect(answer.outputs[0]?.data).toEqual([1]);
    expect(ports.shadows.answers).toEqual([
      expect.objectContaining({
        variant: 'mirror',
        requestId: 'req-1',
        outputs: [expect.objectContaining({ data: [99] })],
      }),
    ]);
  });

  it('records a failing shadow without failing the caller', async () => {
    const shadow = aVariant('mirror', 0, { shadow: true });
    const { ports, handler } = await arrange([aVariant('champion', 1), shadow]);
    ports.runtime.breaks(shadow.version.versionId);

    await expect(handler.execute(request())).resolves.toMatchObject({ variant: { name: 'champion' } });
    await waitForShadows(ports.shadows.answers, 1);
    expect(ports.shadows.answers[0]?.error).toMatch(/does not run/);
  });

  it('answers 404 for another project’s deployment, by name or by id', async () => {
    const { deployment, handler } = await arrange([aVariant('champion', 1)]);

    await expect(handler.execute(request({ projectId: OTHER_PROJECT }))).rejects.toThrow(NotFoundError);
    await expect(handler.execute(request({ projectId: OTHER_PROJECT, model: deployment.id }))).rejects.toThrow(
      NotFoundError,
    );
  });

  it('sends a remote variant’s checked inputs to the remote runtime, targeted by deployment and variant', async () => {
    const remote = aRemoteVariant('remote', 1);
    const { ports, deployment, handler } = await arrange([remote]);

    const answer = await handler.execute(request());

    expect(answer.outputs[0].data).toEqual(['remote']);
    expect(ports.remote.calls).toEqual([
      {
        target: { deploymentId: deployment.id, variant: 'remote', endpoint: remote.endpoint },
        versionId: remote.version.versionId,
        inputs: [x],
      },
    ]);
    expect(ports.runtime.calls).toEqual([]);
  });
});

/** Shadows answer after the caller's promise settles. */
function waitForShadows(answers: readonly unknown[], count: number): Promise<true> {
  return waitFor(() => answers.length >= count || undefined, { what: `${count} shadow answers` });
}
