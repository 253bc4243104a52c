import type { PinnedVersion, Variant } from '../../../src/contexts/prediction/domain/deployment/variant.js';
import type { ServingSignature } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';

export const PROJECT = '0190a6a0-0000-7000-8000-000000000001';
export const OTHER_PROJECT = '0190a6a0-0000-7000-8000-000000000002';
export const ACTOR = '0190a6a0-0000-7000-8000-0000000000aa';

/** y = x·W + b with x of 3 features and y of 2 values, any number of rows. */
export const LINEAR_SIGNATURE: ServingSignature = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};

export function aPinnedVersion(overrides: Partial<PinnedVersion> = {}): PinnedVersion {
  const versionId = overrides.versionId ?? '0190a6a0-0000-7000-8000-0000000000b1';
  return {
    versionId,
    versionNumber: 1,
    modelName: 'churn',
    framework: 'onnx',
    artifactKey: `models/${versionId}/model.onnx`,
    artifactBytes: 165,
    signature: LINEAR_SIGNATURE,
    ...overrides,
  };
}

/** A v2-remote variant: its model runs on the server the endpoint names. */
export function aRemoteVariant(name: string, weight: number, url = 'https://models.example.com'): Variant {
  return aVariant(name, weight, { runtime: 'v2-remote', endpoint: { kind: 'v2-remote', url, modelName: 'churn' } });
}

export function aVariant(name: string, weight: number, overrides: Partial<Variant> = {}): Variant {
  return {
    name,
    model: { kind: 'alias', modelName: 'churn', alias: name },
    runtime: 'onnx',
    weight,
    shadow: false,
    version: aPinnedVersion({
      versionId: `0190a6a0-0000-7000-8000-0000000001${name.length.toString().padStart(2, '0')}`,
    }),
    ...overrides,
  };
}
