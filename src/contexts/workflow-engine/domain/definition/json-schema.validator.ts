import type { FieldPath } from '../field-path.js';
import type { JsonObject, JsonValue } from '../json-value.js';

export interface SchemaProblem {
  /** Where the problem is, relative to the validated value. */
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * Port: JSON Schema validation (workflow params, task-type params, the definition's own shape).
 * Implemented in infrastructure by a compiled-schema validator; implementations may cache by schema object.
 */
export abstract class JsonSchemaValidator {
  /** Problems with a schema itself (unknown keywords, wrong keyword types); empty when it is usable. */
  abstract schemaProblems(schema: JsonObject): string[];

  /** Every way `value` breaks `schema`, plus the value with the schema's defaults filled in. */
  abstract validate(schema: JsonObject, value: JsonValue): { problems: SchemaProblem[]; value: JsonValue };
}
