import type { TaskTypeDefinition } from '@contexts/workflow-engine';
import { FRAMEWORKS } from '../../domain/version/model-version-status.js';
import { TENSOR_DATATYPES } from '../../domain/version/signature.js';
import { PARAM_VALUE_SCHEMA } from '../param-value.schema.js';

export const MODEL_REGISTRY_CONTEXT = 'model-registry';
/** Where the engine enqueues task runs of these types for this context's executor. */
export const MODEL_TASK_QUEUE = 'model-registry.tasks';

const NAME = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' };
const ALIAS = { type: 'string', pattern: '^(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9._-]{0,62}$' };
const VERSION_ID = { type: 'string', format: 'uuid' };
const VERSION_NUMBER = { type: 'integer', minimum: 1 };
const tensors = {
  type: 'array',
  maxItems: 256,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'datatype', 'shape'],
    properties: {
      name: { type: 'string', maxLength: 256 },
      datatype: { enum: TENSOR_DATATYPES },
      shape: { type: 'array', maxItems: 16, items: { type: 'integer', minimum: -1 } },
    },
  },
};

/** The task types this context contributes to workflows (params as the engine validates them). */
export const MODEL_TASK_TYPES: readonly TaskTypeDefinition[] = [
  {
    name: 'model.register-version',
    description:
      'Registers a model version whose artifact an upstream task left in the object store (artifactUri), with this ' +
      'run and task as its source. With blockOn (error or warn; default none) it first refuses training datasets whose ' +
      'latest checks reach it, naming them. Outputs modelId, versionId, versionNumber, sha256 and status.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['model', 'artifactUri', 'framework'],
      properties: {
        model: NAME,
        createModel: { type: 'boolean' },
        artifactUri: { type: 'string', maxLength: 1100, pattern: '^(s3://|objects:///)' },
        framework: { enum: FRAMEWORKS },
        signature: {
          type: 'object',
          additionalProperties: false,
          required: ['inputs', 'outputs'],
          properties: { inputs: tensors, outputs: { ...tensors, minItems: 1 } },
        },
        params: { type: 'object', additionalProperties: PARAM_VALUE_SCHEMA },
        metrics: { type: 'object', additionalProperties: { type: 'number' } },
        tags: { type: 'object', additionalProperties: { type: 'string', maxLength: 256 } },
        description: { type: 'string', maxLength: 5000 },
        trainingDatasets: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['datasetVersionId'],
            properties: {
              datasetVersionId: { type: 'string', format: 'uuid' },
              name: { type: 'string', maxLength: 200 },
            },
          },
        },
        blockOn: { enum: ['error', 'warn', 'none'] },
      },
    },
    context: MODEL_REGISTRY_CONTEXT,
    queue: MODEL_TASK_QUEUE,
  },
  {
    name: 'model.set-alias',
    description:
      "Points an alias of a model at a version (by id or number) through the alias's protection and promotion policy; " +
      'fails with the failed rules. Outputs alias, versionId and aliasVersion.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['model', 'alias'],
      // The branches test presence only (strict Ajv wants each required property defined beside it, so
      // `true`): the value's own checks stay in `properties`, where a `${{ }}` placeholder is excused until rendered.
      oneOf: [
        { required: ['versionId'], properties: { versionId: true } },
        { required: ['versionNumber'], properties: { versionNumber: true } },
      ],
      properties: { model: NAME, alias: ALIAS, versionId: VERSION_ID, versionNumber: VERSION_NUMBER },
    },
    context: MODEL_REGISTRY_CONTEXT,
    queue: MODEL_TASK_QUEUE,
  },
];
