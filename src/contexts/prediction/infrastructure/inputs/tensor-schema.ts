import type { TensorDatatype, TensorSpec } from '../../domain/tensor/tensor-spec.js';

const INTEGER_RANGES: Partial<Record<TensorDatatype, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32_768, 32_767],
  INT32: [-2_147_483_648, 2_147_483_647],
  // 64-bit integers travel as JSON numbers: only the safe range keeps its exact value.
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT8: [0, 255],
  UINT16: [0, 65_535],
  UINT32: [0, 4_294_967_295],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
};

/** The JSON schema one input tensor of a signature must meet, its data already flattened. */
export function tensorSchema(spec: TensorSpec): object {
  return {
    type: 'object',
    required: ['name', 'datatype', 'shape', 'data'],
    properties: {
      name: { const: spec.name },
      datatype: { const: spec.datatype },
      shape: {
        type: 'array',
        minItems: spec.shape.length,
        maxItems: spec.shape.length,
        items: spec.shape.map((size) => (size < 0 ? { type: 'integer', minimum: 0 } : { const: size })),
      },
      data: { type: 'array', items: elementSchema(spec.datatype) },
    },
  };
}

function elementSchema(datatype: TensorDatatype): object {
  if (datatype === 'BOOL') return { type: 'boolean' };
  if (datatype === 'BYTES') return { type: 'string' };
  const range = INTEGER_RANGES[datatype];
  return range ? { type: 'integer', minimum: range[0], maximum: range[1] } : { type: 'number' };
}
