import { canonicalJson } from '../canonical-json.js';
import type { JsonValue } from '../json-value.js';

/** How a value reads inside a string: strings as they are, everything else as canonical JSON. */
export function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : canonicalJson(value);
}
