import type { PinnedVersion } from '../../domain/deployment/variant.js';
import type { Tensor, TensorDatatype } from '../../domain/tensor/tensor-spec.js';
import { RemoteRefusal } from './remote-call-failures.js';

/** The Open Inference Protocol's inference request for checked inputs; both remote runtimes send it. */
export function inferenceRequestBody(inputs: readonly Tensor[], outputs: readonly string[]): string {
  return JSON.stringify({
    inputs: inputs.map(({ name, shape, datatype, data }) => ({ name, shape, datatype, data })),
    outputs: outputs.map((name) => ({ name })),
  });
}

/** The outputs a call asked for (all of the signature's when it named none). */
export function wantedOutputs(version: PinnedVersion, outputs?: readonly string[]): string[] {
  return outputs && outputs.length > 0 ? [...outputs] : version.signature.outputs.map((output) => output.name);
}

interface AnswerTensor {
  name?: unknown;
  datatype?: unknown;
  shape?: unknown;
  data?: unknown;
}

/**
 * The wanted outputs of a server's inference response, in the order asked. An answer that is not
 * the protocol's, or lacks an output, is refused: a wrong answer must never reach a caller.
 */
export function outputsOfAnswer(body: string, wanted: readonly string[]): Tensor[] {
  let parsed: { outputs?: unknown };
  try {
    parsed = JSON.parse(body) as { outputs?: unknown };
  } catch {
    throw new RemoteRefusal('the server answered something other than JSON');
  }
  const tensors = Array.isArray(parsed?.outputs) ? (parsed.outputs as AnswerTensor[]) : [];
  return wanted.map((name) => {
    const tensor = tensors.find((candidate) => candidate?.name === name);
    if (
      !tensor ||
      typeof tensor.datatype !== 'string' ||
      !Array.isArray(tensor.shape) ||
      !tensor.shape.every(Number.isInteger) ||
      !Array.isArray(tensor.data)
    )
      throw new RemoteRefusal(`the server's answer has no output ${name} of the inference protocol's shape`);
    return {
      name,
      datatype: tensor.datatype as TensorDatatype,
      shape: tensor.shape as number[],
      data: (tensor.data as unknown[]).flat(Infinity) as (number | boolean | string)[],
    };
  });
}
