import { describe, expect, it } from '@jest/globals';
import {
  fakePredictionPorts,
  banditRoutingOf,
  versionAnswersOf,
} from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { AjvInferenceInputs } from '../../infrastructure/inputs/ajv-inference-inputs.js';
import { VariantInference } from '../services/variant-inference.js';
import { PredictInstancesHandler } from './predict-instances.handler.js';
import { RecordingPredictionLog } from '../../../../../test/support/prediction/feedback-fakes.js';

/** Sums each row's three features into both outputs, so rows and predictions can be matched by eye. */
function rowSums([x]: readonly Tensor[]): Tensor[] {
  const rows = x.shape[0];
  const data = Array.from({ length: rows }, (_, row) => {
    const sum = (x.data.slice(row * 3, row * 3 + 3) as number[]).reduce((a, b) => a + b, 0);
    return [sum, -sum];
  }).flat();
  return [{ name: 'y', datatype: 'FP32', shape: [rows, 2], data }];
}

async function arrange() {
  const ports = fakePredictionPorts();
  const variant = aVariant('champion', 1);
  ports.runtime.answersWith(variant.version.versionId, rowSums);
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [variant],
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
  return { ports, deployment, handler: new PredictInstancesHandler(ports.deployments, inference) };
}

describe('PredictInstancesHandler', () => {
  it('answers one prediction per row, in the rows’ order', async () => {
    const { deployment, handler } = await arrange();

    const result = await handler.execute({
      deploymentId: deployment.id,
      instances: [
        [1, 2, 3],
        [0, 0, 1],
      ],
      headers: {},
      requestId: 'req-1',
    });

    expect(result).toMatchObject({
      variant: 'champion',
      predictions: [
        [6, -6],
        [1, -1],
      ],
      requestId: 'req-1',
    });
  });

  it('refuses a row that does not fit the signature, naming the input, before the runtime runs', async () => {
    const { ports, deployment, handler } = await arrange();

    await expect(
      handler.execute({ deploymentId: deployment.id, instances: [[1, 2]], headers: {}, requestId: 'req-2' }),
    ).rejects.toMatchObject({
      errors: [{ field: 'inputs.x', message: 'has shape [1,2]; the model takes [-1, 3] (-1: any size)' }],
    });
    expect(ports.runtime.calls).toEqual([]);
  });
});
