import type { DefinitionBody } from '../services/definition-body.js';

/** Check a definition without storing it. */
export interface ValidateDefinitionQuery {
  readonly body: DefinitionBody;
}

export interface ValidateDefinitionResult {
  readonly name: string;
  readonly layers: string[][];
}
