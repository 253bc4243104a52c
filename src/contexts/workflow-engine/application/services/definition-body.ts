import type { JsonValue } from '../../domain/json-value.js';
import type { YamlDocumentReader } from '../ports/yaml-document.reader.js';

/** A definition as it arrives: parsed JSON, or YAML text (`application/yaml`). */
export type DefinitionBody = { readonly json: JsonValue } | { readonly yaml: string };

export function readDefinitionBody(body: DefinitionBody, yaml: YamlDocumentReader): JsonValue {
  return 'json' in body ? body.json : yaml.read(body.yaml);
}
