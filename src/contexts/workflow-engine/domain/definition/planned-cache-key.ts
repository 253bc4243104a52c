import type { JsonObject, JsonValue } from '../json-value.js';
import { asText } from '../expression/expression-text.js';
import { defaultCacheKey, explicitCacheKey } from '../run/cache-key.js';
import type { TaskSpec } from './task-spec.js';

/**
 * The cache key a task would have in a run with these params, when it can be known before running:
 * the task is cached, not fanned out, and every task it depends on or reads has known outputs
 * (a cache hit earlier in the plan). Undefined otherwise, or when its params cannot be rendered.
 */
export function plannedCacheKey(
  task: TaskSpec,
  params: JsonObject,
  known: ReadonlyMap<string, JsonValue>,
): string | undefined {
  if (task.cache === undefined || task.forEach !== undefined) return undefined;
  const needed = new Set([...task.dependsOn, ...task.readsTasks]);
  if (![...needed].every((id) => known.has(id))) return undefined;
  const tasks = Object.fromEntries([...needed].map((id) => [id, { outputs: known.get(id)! }]));
  const scope = { params, trigger: { payload: null }, tasks };
  try {
    if (task.cache.key !== undefined) return explicitCacheKey(task.type, asText(task.cache.key.render(scope)));
    const upstream = Object.fromEntries(task.dependsOn.map((id) => [id, known.get(id)!]));
    return defaultCacheKey(task.type, task.params.render(scope), upstream);
  } catch (_error) {
    return undefined;
  }
}
