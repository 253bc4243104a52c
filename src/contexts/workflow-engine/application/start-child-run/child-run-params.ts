import { ValidationError } from '@libs/ddd';
import { isJsonObject, toJsonValue, type JsonObject } from '../../domain/json-value.js';

/** The params of a `workflow` task: which workflow (and version) to run, with which params. */
export interface ChildRunParams {
  readonly workflowId: string;
  readonly version?: number;
  readonly params?: JsonObject;
}

/**
 * Reads a `workflow` task's rendered params. Its schema checked them already; this only gives them
 * their type, and refuses what the schema would have (so a schema change cannot slip past it).
 */
export function childRunParamsOf(rendered: unknown): ChildRunParams {
  const value = toJsonValue(rendered);
  const workflowId = isJsonObject(value) ? value.workflowId : undefined;
  if (!isJsonObject(value) || typeof workflowId !== 'string') throw invalid('workflowId', 'must be a string');
  const { version, params } = value;
  if (version !== undefined && typeof version !== 'number') throw invalid('version', 'must be an integer');
  if (params !== undefined && !isJsonObject(params)) throw invalid('params', 'must be an object');
  return { workflowId, ...(version !== undefined && { version }), ...(params !== undefined && { params }) };
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`invalid workflow task params: ${field} ${message}`, [{ field, message }]);
}
