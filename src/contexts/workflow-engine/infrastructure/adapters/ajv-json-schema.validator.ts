import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { JsonSchemaValidator, type SchemaProblem } from '../../domain/definition/json-schema.validator.js';
import type { JsonObject, JsonValue } from '../../domain/json-value.js';

/**
 * JSON Schema (draft-07) through Ajv. Compiled validators are cached per schema object, so a
 * definition's params schema and each task type's schema compile once.
 */
export class AjvJsonSchemaValidator extends JsonSchemaValidator {
  // strict: an unknown keyword in a user's params schema is a typo to report, not to ignore.
  private readonly ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true });
  private readonly compiled = new WeakMap<JsonObject, ValidateFunction>();

  constructor() {
    super();
    formats.default(this.ajv);
  }

  schemaProblems(schema: JsonObject): string[] {
    try {
      this.compile(schema);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  }

  validate(schema: JsonObject, value: JsonValue): { problems: SchemaProblem[]; value: JsonValue } {
    const validateFunction = this.compile(schema);
    // useDefaults writes into the data; the caller's value stays as it was given.
    const copy = structuredClone(value);
    if (validateFunction(copy)) return { problems: [], value: copy };
    return { problems: (validateFunction.errors ?? []).map(toProblem), value: copy };
  }

  private compile(schema: JsonObject): ValidateFunction {
    let validateFunction = this.compiled.get(schema);
    if (validateFunction === undefined) {
      validateFunction = this.ajv.compile(schema);
      this.compiled.set(schema, validateFunction);
    }
    return validateFunction;
  }
}

/** Points at the field itself (`tasks[3].type is required`) rather than at its parent object. */
function toProblem(error: ErrorObject): SchemaProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((step) => (/^(0|[1-9][0-9]*)$/.test(step) ? Number(step) : step));
  const params = error.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  if (error.keyword === 'required') return { path: [...path, params.missingProperty!], message: 'is required' };
  if (error.keyword === 'additionalProperties') {
    return { path: [...path, params.additionalProperty!], message: 'is not allowed' };
  }
  if (error.keyword === 'enum') return { path, message: `must be one of ${params.allowedValues!.join(', ')}` };
  return { path, message: error.message ?? `breaks ${error.keyword}` };
}
