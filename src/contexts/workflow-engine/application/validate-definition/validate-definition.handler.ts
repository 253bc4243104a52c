import { Injectable } from '@nestjs/common';
import { DefinitionValidation } from '../services/definition-validation.js';
import type { ValidateDefinitionQuery, ValidateDefinitionResult } from './validate-definition.query.js';

/** Checks a definition without storing it (an editor's "validate" button, CI linting of definitions). */
@Injectable()
export class ValidateDefinitionHandler {
  constructor(private readonly validation: DefinitionValidation) {}

  execute(query: ValidateDefinitionQuery): ValidateDefinitionResult {
    const spec = this.validation.validate(query.body);
    return { name: spec.name, layers: spec.layers() };
  }
}
