import type { JsonValue } from '../../domain/json-value.js';

/**
 * Port: reads a definition sent as `application/yaml` into the JSON value it stands for, or throws
 * DefinitionUnreadable. Implementations bound the input (size, alias expansion) since it is user text.
 */
export abstract class YamlDocumentReader {
  abstract read(text: string): JsonValue;
}
