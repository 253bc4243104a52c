/** The values definitions, params and task outputs are made of: what JSON can carry, nothing else. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value from outside the engine's types (an event of any context, a contributed task's outputs)
 * as the JSON it is stored as, checked all the way down with JSON.stringify's rules: a `toJSON`
 * (a Date) speaks for its object, a non-finite number and a value JSON cannot hold become null, and
 * an object's property holding the latter is left out.
 */
export function toJsonValue(value: unknown): JsonValue {
  return jsonOrAbsent(value) ?? null;
}

function jsonOrAbsent(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON has no -0: stored and read back, it is 0.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'bigint') throw new TypeError('a BigInt is not JSON');
  if (typeof value !== 'object') return undefined;
  if (hasToJson(value)) return jsonOrAbsent(value.toJSON());
  if (Array.isArray(value)) return value.map(toJsonValue);
  // Entries, not assignment: a `__proto__` key stays a property, as JSON.parse keeps it.
  const entries: [string, JsonValue][] = [];
  for (const [key, item] of Object.entries(value)) {
    const json = jsonOrAbsent(item);
    if (json !== undefined) entries.push([key, json]);
  }
  return Object.fromEntries(entries);
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return 'toJSON' in value && typeof value.toJSON === 'function';
}

/** Whether two JSON values are the same data (object keys in any order). */
export function sameJson(left: JsonValue, right: JsonValue): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => sameJson(item, right[index]))
    );
  }
  if (isJsonObject(left) && isJsonObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]))
    );
  }
  return left === right;
}
