import { createHash } from 'node:crypto';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/**
 * A hash of what decides an answer: the inputs by name (their order in the request does not
 * matter) with their datatype, shape and data, and the outputs asked for. Written as JSON with a
 * fixed key order, so the same inputs hash the same in every process.
 */
export function responseKey(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
  const canonical = JSON.stringify({
    inputs: [...inputs]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((tensor) => [tensor.name, tensor.datatype, tensor.shape, tensor.data]),
    outputs: [...new Set(outputs ?? [])].sort(),
  });
  return createHash('sha256').update(canonical).digest('base64url');
}
