import { isJsonObject, type JsonValue } from '../json-value.js';
import { ExpressionEvaluationFailed } from './expression-errors.js';
import type { ExpressionFunction } from './expression-syntax.js';
import { canonicalJson } from '../canonical-json.js';
import { asText } from './expression-text.js';

type Implementation = (args: readonly JsonValue[]) => JsonValue;

const FUNCTIONS: Readonly<Record<ExpressionFunction, Implementation>> = {
  length: ([value]) => {
    if (typeof value === 'string' || Array.isArray(value)) return value.length;
    if (isJsonObject(value)) return Object.keys(value).length;
    throw new ExpressionEvaluationFailed('length() takes a string, a list or an object');
  },
  contains: ([haystack, needle]) => {
    if (typeof haystack === 'string') return haystack.includes(asText(needle));
    if (Array.isArray(haystack)) return haystack.some((item) => canonicalJson(item) === canonicalJson(needle));
    throw new ExpressionEvaluationFailed('contains() takes a string or a list first');
  },
  startsWith: ([text, prefix]) => requireString(text, 'startsWith').startsWith(requireString(prefix, 'startsWith')),
  endsWith: ([text, suffix]) => requireString(text, 'endsWith').endsWith(requireString(suffix, 'endsWith')),
  join: ([list, separator]) => {
    if (!Array.isArray(list)) throw new ExpressionEvaluationFailed('join() takes a list first');
    const glue = separator === undefined ? ',' : requireString(separator, 'join');
    return list.map((item) => (typeof item === 'string' ? item : canonicalJson(item))).join(glue);
  },
  toJSON: ([value]) => canonicalJson(value ?? null),
};

/** Runs a built-in function; the parser has already checked its name and argument count. */
export function callFunction(name: ExpressionFunction, args: readonly JsonValue[]): JsonValue {
  return FUNCTIONS[name](args);
}

function requireString(value: JsonValue, name: string): string {
  if (typeof value !== 'string') throw new ExpressionEvaluationFailed(`${name}() takes strings`);
  return value;
}
