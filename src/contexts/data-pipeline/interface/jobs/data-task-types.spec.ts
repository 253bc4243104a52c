import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { DATA_TASK_TYPES } from './data-task-types.js';

// Compiled as the engine compiles task params schemas (docs/adr/0202): strict, all errors.
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats.default(ajv);
const validatorOf = (name: string) => ajv.compile(DATA_TASK_TYPES.find((type) => type.name === name)!.paramsSchema);
const VERSION = '01900000-0000-7000-8000-000000000001';
const SUITE = { checks: [{ name: 'ids', kind: 'not_null', column: 'id' }] };

describe('the data task types', () => {
  it('are named data.* and run on this context’s queue', () => {
    expect(DATA_TASK_TYPES.map((type) => [type.name, type.context, type.queue])).toEqual([
      ['data.validate', 'data-pipeline', 'data-pipeline.tasks'],
      ['data.await-freshness', 'data-pipeline', 'data-pipeline.tasks'],
      ['data.run-pipeline', 'data-pipeline', 'data-pipeline.tasks'],
    ]);
  });

  it('check data.validate params: a version, a suite of named checks, and a known blockOn', () => {
    const valid = validatorOf('data.validate');
    expect(valid({ datasetVersionId: VERSION, suite: SUITE })).toBe(true);
    expect(valid({ datasetVersionId: VERSION, suite: { ...SUITE, failingKeyLimit: 10 }, blockOn: 'warn' })).toBe(true);
    expect(valid({ datasetVersionId: VERSION, suite: { checks: [] }, blockOn: 'sometimes' })).toBe(false);
    expect(valid.errors?.map((error) => error.instancePath).sort()).toEqual(['/blockOn', '/suite/checks']);
    expect(valid({ datasetVersionId: 'v1', suite: { checks: [{ kind: 'not_null' }] }, extra: 1 })).toBe(false);
    expect(valid.errors?.length).toBeGreaterThanOrEqual(3);
  });

  it('check data.await-freshness params: a dataset and durations it can read', () => {
    const valid = validatorOf('data.await-freshness');
    expect(valid({ datasetId: VERSION, maxAge: '6h', timeout: 'PT30M' })).toBe(true);
    expect(valid({ datasetId: VERSION, maxAge: 'P1D', timeout: '2h', pollInterval: '30s', blockOn: 'warn' })).toBe(
      true,
    );
    expect(valid({ datasetId: VERSION, maxAge: 'six hours', timeout: 'P1M' })).toBe(false);
    expect(valid.errors?.map((error) => error.instancePath).sort()).toEqual(['/maxAge', '/timeout']);
    expect(valid({ datasetId: VERSION, maxAge: '6h' })).toBe(false);
  });

  it('check data.run-pipeline params: a pipeline id, and a version, blockOn and poll interval it can read', () => {
    const valid = validatorOf('data.run-pipeline');
    expect(valid({ pipelineId: VERSION })).toBe(true);
    expect(valid({ pipelineId: VERSION, version: 3, blockOn: 'warn', pollInterval: '5s' })).toBe(true);
    expect(valid({ pipelineId: 'cleaning', version: 0, blockOn: 'fatal', pollInterval: 'soon' })).toBe(false);
    expect(valid.errors?.map((error) => error.instancePath).sort()).toEqual([
      '/blockOn',
      '/pipelineId',
      '/pollInterval',
      '/version',
    ]);
  });
});
