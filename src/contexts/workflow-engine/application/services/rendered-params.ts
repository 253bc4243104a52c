import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { TaskTypeCatalog } from '../../domain/definition/task-type.catalog.js';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';

/**
 * Params holding placeholders are only checked once rendered, just before execution (docs/adr/0202).
 * Answers the problems as one line, or undefined when the params fit their type's schema.
 */
export function renderedParamsProblems(
  catalog: TaskTypeCatalog,
  schemas: JsonSchemaValidator,
  { type, input }: Pick<TaskDispatch, 'type' | 'input'>,
): string | undefined {
  const schema = catalog.find(type)?.paramsSchema;
  const problems = schema === undefined ? [] : schemas.validate(schema, input).problems;
  if (problems.length === 0) return undefined;
  const listed = problems.map((problem) => `${problem.path.join('.') || 'params'}: ${problem.message}`);
  return `invalid params: ${listed.join('; ')}`;
}
