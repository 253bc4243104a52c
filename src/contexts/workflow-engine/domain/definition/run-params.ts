import { WorkflowParamsInvalid } from '../errors.js';
import { formatField } from '../field-path.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import type { DefinitionSpec } from './definition-spec.js';
import type { JsonSchemaValidator } from './json-schema.validator.js';

/** The params a run gets: checked against the definition's params schema, with its defaults filled in. */
export function resolveRunParams(spec: DefinitionSpec, given: JsonObject, schemas: JsonSchemaValidator): JsonObject {
  const schema = spec.paramsSchema;
  if (schema === undefined) return given;
  const { problems, value } = schemas.validate(schema, given);
  if (problems.length > 0) {
    throw new WorkflowParamsInvalid(
      problems.map((problem) => ({ field: formatField(['params', ...problem.path]), message: problem.message })),
    );
  }
  return isJsonObject(value) ? value : given;
}
