import { Injectable } from '@nestjs/common';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { InferenceInputs, type RequestTensor } from '../../application/ports/inference-inputs.js';
import { InferenceInputInvalid } from '../../domain/errors.js';
import type { ServingSignature, Tensor, TensorSpec } from '../../domain/tensor/tensor-spec.js';
import { tensorSchema } from './tensor-schema.js';

type InputValidators = ReadonlyMap<string, { readonly spec: TensorSpec; readonly validate: ValidateFunction }>;

// A version's signature never changes, so its compiled schemas live as long as the cache keeps them.
const CACHED_VERSIONS = 1000;

/** Checks inputs with JSON schemas compiled once per model version (ajv), on the hot path of every request. */
@Injectable()
export class AjvInferenceInputs extends InferenceInputs {
  private readonly ajv = new Ajv({ allErrors: false, strictTuples: false });
  private readonly validators = new LRUCache<string, InputValidators>({ max: CACHED_VERSIONS });

  check(versionId: string, signature: ServingSignature, inputs: readonly RequestTensor[]): Tensor[] {
    const validators = this.validatorsOf(versionId, signature);
    const given = new Map<string, RequestTensor>();
    for (const input of inputs) {
      const name = typeof input?.name === 'string' ? input.name : '(unnamed)';
      if (!validators.has(name)) throw new InferenceInputInvalid(name, 'is not an input of the model');
      if (given.has(name)) throw new InferenceInputInvalid(name, 'is given twice');
      given.set(name, input);
    }
    return [...validators.entries()].map(([name, { spec, validate }]) => {
      const input = given.get(name);
      if (!input) throw new InferenceInputInvalid(name, 'is missing');
      if (!Array.isArray(input.data)) throw new InferenceInputInvalid(name, 'needs its data as an array');
      const tensor = { ...input, data: input.data.flat(Infinity) as Tensor['data'] };
      if (!validate(tensor)) throw new InferenceInputInvalid(name, describe(validate.errors?.[0], spec, tensor));
      const expected = tensor.shape.reduce((product, size) => product * size, 1);
      if (tensor.data.length !== expected)
        throw new InferenceInputInvalid(
          name,
          `has ${tensor.data.length} values; shape [${tensor.shape.join(', ')}] needs ${expected}`,
        );
      return tensor as Tensor;
    });
  }

  private validatorsOf(versionId: string, signature: ServingSignature): InputValidators {
    const cached = this.validators.get(versionId);
    if (cached) return cached;
    const compiled = new Map(
      signature.inputs.map((spec) => [spec.name, { spec, validate: this.ajv.compile(tensorSchema(spec)) }]),
    );
    this.validators.set(versionId, compiled);
    return compiled;
  }
}

function describe(error: ErrorObject | undefined, spec: TensorSpec, tensor: RequestTensor): string {
  const path = error?.instancePath ?? '';
  if (path === '/datatype') return `has datatype ${String(tensor.datatype)}; the model takes ${spec.datatype}`;
  if (path.startsWith('/shape'))
    return `has shape ${JSON.stringify(tensor.shape)}; the model takes [${spec.shape.join(', ')}] (-1: any size)`;
  if (path.startsWith('/data/'))
    return `has a value at data[${path.slice('/data/'.length)}] that ${error?.message ?? 'is invalid'}`;
  return `${path ? path.slice(1) : 'tensor'} ${error?.message ?? 'is invalid'}`;
}
