import { canonicalJson } from '../canonical-json.js';
import type { JsonObject, JsonValue } from '../json-value.js';

/**
 * The default cache key of a task run: its type, its rendered params and the outputs of the tasks it
 * depends on, as canonical JSON (key order never matters). Equal inputs give equal keys; the cache
 * adapter may hash it. An explicit `cache.key` replaces it, still prefixed with the type so two task
 * types never share an entry.
 */
export function defaultCacheKey(type: string, input: JsonValue, upstreamOutputs: JsonObject): string {
  return `${type}:${canonicalJson({ input, upstream: upstreamOutputs })}`;
}

export function explicitCacheKey(type: string, renderedKey: string): string {
  return `${type}:key:${renderedKey}`;
}
