import type { DefinitionBody } from '../services/definition-body.js';

export class ValidateDefinitionQuery {
  constructor(readonly body: DefinitionBody) {}
}

export interface ValidateDefinitionResult {
  readonly name: string;
  readonly layers: string[][];
}
