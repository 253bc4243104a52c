import { parse } from 'yaml';
import { YamlDocumentReader } from '../../application/ports/yaml-document.reader.js';
import { DefinitionUnreadable } from '../../domain/errors.js';
import { isJsonObject, type JsonValue } from '../../domain/json-value.js';

const MAX_BYTES = 1024 * 1024;
// A handful of anchors is normal; thousands are a "billion laughs" expansion attack.
const MAX_ALIASES = 100;

/** YAML 1.2 core schema through the `yaml` package: no custom tags, no dates, duplicate keys refused. */
export class YamlLibraryDocumentReader extends YamlDocumentReader {
  read(text: string): JsonValue {
    if (Buffer.byteLength(text) > MAX_BYTES) throw new DefinitionUnreadable(`it is larger than ${MAX_BYTES} bytes`);
    let value: unknown;
    try {
      value = parse(text, { schema: 'core', uniqueKeys: true, maxAliasCount: MAX_ALIASES, merge: false });
    } catch (error) {
      throw new DefinitionUnreadable((error as Error).message);
    }
    if (value === null || value === undefined) throw new DefinitionUnreadable('the document is empty');
    assertJson(value);
    return value;
  }
}

// The core schema still reads `.inf` and `.nan`, which JSON (and so a stored definition) cannot hold.
function assertJson(value: unknown): asserts value is JsonValue {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new DefinitionUnreadable('numbers must be finite');
  if (Array.isArray(value)) value.forEach(assertJson);
  else if (isJsonObject(value)) Object.values(value).forEach(assertJson);
}
