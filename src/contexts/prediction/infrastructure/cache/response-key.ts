import { hash } from 'node:crypto';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/**
 * A hash of what decides an answer: the inputs by name (their order in the request does not
 * matter) with their datatype, shape and data, and the outputs asked for. Written as JSON with a
 * fixed key order, so the same inputs hash the same in every process.
 */
export function responseKey(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
  const canonical = JSON.stringify({
    inputs: (inputs.length > 1 ? [...inputs].sort(byName) : inputs).map((tensor) => [
      tensor.name,
      tensor.datatype,
      tensor.shape,
      tensor.data,
    ]),
    outputs: outputs && outputs.length > 0 ? [...new Set(outputs)].sort() : [],
  });
  // The one-shot hash: no Hash object per request (docs/adr/0508); the same digest as before.
  return hash('sha256', canonical, 'base64url');
}

const byName = (a: Tensor, b: Tensor): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
