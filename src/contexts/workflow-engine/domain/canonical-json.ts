import { isJsonObject, type JsonValue } from './json-value.js';

/**
 * JSON with object keys sorted, so equal values always print the same text: the basis of
 * cache keys and of structural equality in expressions.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
