import type { RegistryWorld } from '../../e2e/model-registry/registry-world.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from './linear-model.js';

/** The linear model's signature: rows of three features in, two scores out. */
export const LINEAR_SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};

/** A version of `modelId` with the linear signature, its artifact the ONNX model y = x·W + b (by default the LINEAR ones). */
export async function uploadedOnnxVersion(
  world: RegistryWorld,
  modelId: string,
  weights: readonly (readonly number[])[] = LINEAR_WEIGHTS,
  bias: readonly number[] = LINEAR_BIAS,
): Promise<string> {
  const version = await world.version(modelId, { signature: LINEAR_SIGNATURE });
  const uploaded = await world.upload(version.id, linearModel(weights, bias));
  if (uploaded.status !== 200) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  return version.id as string;
}

/** As `uploadedOnnxVersion`, then approved by the project's second owner, so it may be deployed. */
export async function approvedOnnxVersion(
  world: RegistryWorld,
  modelId: string,
  weights?: readonly (readonly number[])[],
  bias?: readonly number[],
): Promise<string> {
  const versionId = await uploadedOnnxVersion(world, modelId, weights, bias);
  const approved = await world.approver.client.call('POST', `/api/v1/model-versions/${versionId}/approval`, {
    decision: 'Approved',
    comment: 'hand-checked',
  });
  if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${JSON.stringify(approved.body)}`);
  return versionId;
}

/** Points the model's `alias` at the version, as the editor; answers the move, whose ETag is the alias's. */
export async function pointAlias(
  world: RegistryWorld,
  modelId: string,
  alias: string,
  versionId: string,
): ReturnType<RegistryWorld['editor']['client']['call']> {
  const moved = await world.editor.client.call('PUT', `/api/v1/models/${modelId}/aliases/${alias}`, { versionId });
  if (moved.status !== 200) throw new Error(`alias ${alias}: ${moved.status} ${JSON.stringify(moved.body)}`);
  return moved;
}

/** Deploys `model` (a version id, or `name@alias`) as one `champion` variant on the in-process ONNX runtime. */
export async function deployChampion(
  world: RegistryWorld,
  name: string,
  model: string,
  serving?: object,
): Promise<string> {
  const created = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
    name,
    variants: [{ name: 'champion', model, runtime: 'onnx' }],
    ...(serving && { serving }),
  });
  if (created.status !== 201) throw new Error(`deploy: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}
