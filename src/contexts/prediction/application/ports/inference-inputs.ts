import type { ServingSignature, Tensor } from '../../domain/tensor/tensor-spec.js';

/** Inputs as a client sent them: `data` may be nested row-major arrays. */
export interface RequestTensor {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
  readonly data: unknown;
}

/**
 * Port: checks inputs against a version's signature before anything runs. Answers them in the
 * signature's order with flat data, or throws InferenceInputInvalid naming the first bad input.
 */
export abstract class InferenceInputs {
  abstract check(versionId: string, signature: ServingSignature, inputs: readonly RequestTensor[]): Tensor[];
}
