import type { JSONSchemaType } from 'ajv';

/** An inference request as the infer routes take it: the shape `InferRequest` documents. */
export interface InferRequestBody {
  readonly id?: string;
  readonly parameters?: Record<string, unknown>;
  readonly inputs: readonly {
    readonly name: string;
    readonly shape: readonly number[];
    readonly datatype: string;
    readonly data: unknown[];
    readonly parameters?: Record<string, unknown>;
  }[];
  readonly outputs?: readonly { readonly name: string; readonly parameters?: Record<string, unknown> }[];
}

const MAX_TENSORS = 256;
const MAX_RANK = 16;
const NAME = { type: 'string', maxLength: 256 } as const;
const PARAMETERS = { type: 'object', nullable: true, required: [], additionalProperties: true } as const;

/**
 * The request's envelope, unknown fields refused as everywhere else (ARCHITECTURE §5). The tensors'
 * data are checked later, against the signature of the version that answers.
 */
export const INFER_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['inputs'],
  properties: {
    id: { ...NAME, nullable: true },
    parameters: PARAMETERS,
    inputs: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TENSORS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'shape', 'datatype', 'data'],
        properties: {
          name: NAME,
          shape: { type: 'array', maxItems: MAX_RANK, items: { type: 'integer' } },
          datatype: { type: 'string', maxLength: 16 },
          data: { type: 'array', items: {} },
          parameters: PARAMETERS,
        },
      },
    },
    outputs: {
      type: 'array',
      nullable: true,
      maxItems: MAX_TENSORS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: NAME, parameters: PARAMETERS },
      },
    },
  },
} as unknown as JSONSchemaType<InferRequestBody>;
