import { describe, expect, it } from '@jest/globals';
import { costDependsOnBody, requestCost } from './request-cost.js';

describe('requestCost', () => {
  it('costs the route weight for a request that is not a batch', () => {
    expect(requestCost(1, undefined)).toBe(1);
    expect(requestCost(3, { name: 'churn' })).toBe(3);
  });

  it('costs one unit per row of /predict instances, times the weight', () => {
    const instances = Array.from({ length: 50 }, () => [1, 2, 3]);
    expect(requestCost(1, { instances })).toBe(50);
    expect(requestCost(2, { instances })).toBe(100);
  });

  it('costs the first dimension of the first input of an inference request', () => {
    expect(requestCost(1, { inputs: [{ name: 'x', shape: [7, 3], datatype: 'FP32', data: [] }] })).toBe(7);
  });

  it('counts a malformed or empty batch as one row, so a refused request still costs', () => {
    expect(requestCost(1, { instances: [] })).toBe(1);
    expect(requestCost(1, { inputs: [{ shape: ['many'] }] })).toBe(1);
    expect(requestCost(1, { inputs: [{ shape: [-1] }] })).toBe(1);
    expect(requestCost(1, { inputs: 'x' })).toBe(1);
  });
});

describe('costDependsOnBody', () => {
  it('holds for the prediction routes only, whose batches cost per row', () => {
    expect(costDependsOnBody('POST /api/v1/deployments/:deploymentId/predict')).toBe(true);
    expect(costDependsOnBody('POST /v2/models/:model/infer')).toBe(true);
    expect(costDependsOnBody('POST /v2/models/:model/versions/:version/infer')).toBe(true);
    expect(costDependsOnBody('GET /api/v1/deployments/:deploymentId')).toBe(false);
    expect(costDependsOnBody('PUT /api/v1/model-versions/:id/artifact')).toBe(false);
  });
});
