import { describe, expect, it } from '@jest/globals';
import { endpointProblems, type RemoteEndpoint } from './remote-endpoint.js';

const fields = (runtime: string, endpoint: RemoteEndpoint | undefined) =>
  endpointProblems(runtime, endpoint, 'variants[0]').map((problem) => problem.field);

describe('endpointProblems', () => {
  it('wants an endpoint of its own kind for a remote runtime, and none for onnx', () => {
    expect(fields('sagemaker', undefined)).toEqual(['variants[0].endpoint']);
    expect(fields('v2-remote', { kind: 'sagemaker', endpointName: 'a', contentType: 'application/json' })).toEqual([
      'variants[0].endpoint',
    ]);
    expect(fields('onnx', { kind: 'v2-remote', url: 'https://a.example', modelName: 'm' })).toEqual([
      'variants[0].endpoint',
    ]);
    expect(fields('onnx', undefined)).toEqual([]);
  });

  it('takes SageMaker names, regions and the JSON content type, one problem per bad field', () => {
    expect(
      fields('sagemaker', {
        kind: 'sagemaker',
        endpointName: 'churn-prod',
        region: 'eu-west-1',
        targetVariant: 'AllTraffic',
        contentType: 'application/json',
      }),
    ).toEqual([]);
    expect(
      fields('sagemaker', {
        kind: 'sagemaker',
        endpointName: 'churn_prod',
        region: 'Europe',
        targetVariant: '-blue',
        // deliberate misuse: a content type the type allows no other value for, as an API body may send
        contentType: 'text/csv' as never,
      }),
    ).toEqual([
      'variants[0].endpoint.endpointName',
      'variants[0].endpoint.region',
      'variants[0].endpoint.targetVariant',
      'variants[0].endpoint.contentType',
    ]);
  });

  it('takes an absolute URL and path-safe model names for a v2 server', () => {
    expect(
      fields('v2-remote', { kind: 'v2-remote', url: 'http://triton:8000', modelName: 'churn_v2', modelVersion: '3' }),
    ).toEqual([]);
    expect(fields('v2-remote', { kind: 'v2-remote', url: 'triton', modelName: 'a/b', modelVersion: '..?' })).toEqual([
      'variants[0].endpoint.url',
      'variants[0].endpoint.modelName',
      'variants[0].endpoint.modelVersion',
    ]);
  });
});
