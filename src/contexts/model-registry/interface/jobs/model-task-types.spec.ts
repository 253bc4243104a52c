import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { MODEL_TASK_TYPES } from './model-task-types.js';

// Compiled as the engine compiles task params schemas (docs/adr/0202): strict, all errors.
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats.default(ajv);
const validatorOf = (name: string) => ajv.compile(MODEL_TASK_TYPES.find((type) => type.name === name)!.paramsSchema);

describe('the model task types', () => {
  it('are named model.* and run on this context’s queue', () => {
    expect(MODEL_TASK_TYPES.map((type) => [type.name, type.context, type.queue])).toEqual([
      ['model.register-version', 'model-registry', 'model-registry.tasks'],
      ['model.set-alias', 'model-registry', 'model-registry.tasks'],
    ]);
  });

  it('check model.register-version params', () => {
    const output = { name: 'y', datatype: 'FP32', shape: [-1] };
    const valid = validatorOf('model.register-version');
    expect(
      valid({
        model: 'churn',
        artifactUri: 'objects:///runs/1/train/model.onnx',
        framework: 'onnx',
        params: { depth: 6, loss: 'log', early: true },
        metrics: { auc: 0.9 },
        signature: { inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }], outputs: [output] },
      }),
    ).toBe(true);
    // A model that answers nothing is refused before the task runs, as the domain would refuse it.
    const outputless = { inputs: [], outputs: [] };
    expect(valid({ model: 'churn', artifactUri: 'objects:///m', framework: 'onnx', signature: outputless })).toBe(
      false,
    );
    const trainedOn = [{ datasetVersionId: '01900000-0000-7000-8000-000000000001' }];
    expect(
      valid({
        model: 'churn',
        artifactUri: 'objects:///m',
        framework: 'onnx',
        trainingDatasets: trainedOn,
        blockOn: 'warn',
      }),
    ).toBe(true);
    expect(valid({ model: 'churn', artifactUri: 'objects:///m', framework: 'onnx', blockOn: 'sometimes' })).toBe(false);
    expect(valid({ model: 'churn', artifactUri: 'https://elsewhere/model', framework: 'caffe', extra: 1 })).toBe(false);
    expect(valid.errors?.length).toBeGreaterThanOrEqual(3);
  });

  it('check model.set-alias params, naming the version one way only', () => {
    const valid = validatorOf('model.set-alias');
    expect(valid({ model: 'churn', alias: 'champion', versionNumber: 3 })).toBe(true);
    expect(valid({ model: 'churn', alias: 'champion', versionId: '01900000-0000-7000-8000-000000000001' })).toBe(true);
    expect(valid({ model: 'churn', alias: 'champion' })).toBe(false);
    expect(valid({ model: 'churn', alias: '42', versionNumber: 3 })).toBe(false);
    expect(
      valid({ model: 'churn', alias: 'champion', versionNumber: 3, versionId: '01900000-0000-7000-8000-000000000001' }),
    ).toBe(false);
    // A placeholder for the version id fails only its format, which the engine excuses until the run renders it.
    expect(valid({ model: 'churn', alias: 'champion', versionId: '${{ tasks.register.outputs.versionId }}' })).toBe(
      false,
    );
    expect(valid.errors?.map((error) => error.instancePath)).toEqual(['/versionId']);
  });
});
