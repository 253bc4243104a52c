import type { JsonObject, JsonValue } from '../json-value.js';

/** A workflow definition as users write it (JSON, or YAML read into the same shape). */
export interface DefinitionDocument {
  readonly name: string;
  readonly description?: string;
  readonly params?: JsonObject;
  readonly tasks: readonly TaskDocument[];
  readonly concurrency?: { readonly limit: number; readonly policy: 'queue' | 'skip' | 'cancel-running' };
  readonly schedule?: { readonly cron: string; readonly timezone?: string; readonly catchUp?: CatchUp };
  readonly triggers?: readonly { readonly event: string; readonly filter?: string }[];
}

export type CatchUp = 'none' | 'latest' | 'all';
export type Backoff = 'fixed' | 'exponential';

export interface RetriesDocument {
  readonly max: number;
  readonly backoff: Backoff;
  readonly delayMs: number;
  readonly maxDelayMs?: number;
  readonly jitter?: boolean;
}

export interface TaskDocument {
  readonly id: string;
  readonly type: string;
  readonly params?: JsonObject;
  readonly dependsOn?: readonly string[];
  readonly when?: string;
  readonly forEach?: string;
  readonly retries?: RetriesDocument;
  readonly timeoutMs?: number;
  readonly cache?: { readonly key?: string; readonly ttlSeconds: number };
  readonly priority?: number;
  readonly queue?: string;
}

/** Task ids double as expression names (`tasks.<id>`), hence letters, digits, `_` and `-` only. */
export const TASK_ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';
export const MAX_TASKS = 10_000;

const expression = { type: 'string', minLength: 1, maxLength: 2000 };

/** One task of a definition, whatever its type; the OpenAPI document refines it per registered task type. */
export const TASK_DOCUMENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type'],
  properties: {
    id: { type: 'string', pattern: TASK_ID_PATTERN },
    type: { type: 'string', minLength: 1, maxLength: 100 },
    params: { type: 'object', additionalProperties: true },
    dependsOn: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: MAX_TASKS },
    when: expression,
    forEach: expression,
    retries: {
      type: 'object',
      additionalProperties: false,
      required: ['max', 'backoff', 'delayMs'],
      properties: {
        max: { type: 'integer', minimum: 0, maximum: 100 },
        backoff: { enum: ['fixed', 'exponential'] },
        delayMs: { type: 'integer', minimum: 0, maximum: 86_400_000 },
        maxDelayMs: { type: 'integer', minimum: 0, maximum: 86_400_000 },
        jitter: { type: 'boolean' },
      },
    },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 604_800_000 },
    cache: {
      type: 'object',
      additionalProperties: false,
      required: ['ttlSeconds'],
      properties: { key: expression, ttlSeconds: { type: 'integer', minimum: 1, maximum: 31_536_000 } },
    },
    priority: { type: 'integer', minimum: 1, maximum: 10 },
    queue: { type: 'string', minLength: 1, maxLength: 100 },
  },
};

/**
 * The shape of a definition as a JSON Schema: checked through the JsonSchemaValidator port before
 * any rule of the domain reads the document, and reusable as the HTTP route's body schema.
 */
export const DEFINITION_DOCUMENT_SCHEMA: JsonObject = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'tasks'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 10_000 },
    // A JSON Schema of the run's params, itself checked as one when the definition is.
    params: { type: 'object', additionalProperties: true },
    tasks: { type: 'array', minItems: 1, maxItems: MAX_TASKS, items: TASK_DOCUMENT_SCHEMA },
    concurrency: {
      type: 'object',
      additionalProperties: false,
      required: ['limit', 'policy'],
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 10_000 },
        policy: { enum: ['queue', 'skip', 'cancel-running'] },
      },
    },
    schedule: {
      type: 'object',
      additionalProperties: false,
      required: ['cron'],
      properties: {
        cron: { type: 'string', minLength: 1, maxLength: 200 },
        timezone: { type: 'string', minLength: 1, maxLength: 100 },
        catchUp: { enum: ['none', 'latest', 'all'] },
      },
    },
    triggers: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['event'],
        properties: { event: { type: 'string', minLength: 1, maxLength: 200 }, filter: expression },
      },
    },
  },
} satisfies Record<string, JsonValue>;
