import { ValidationError } from '@libs/ddd';

// '@' separates a model from an alias in a reference (churn@champion), so neither may hold it;
// the character set also keeps names usable in object keys, URLs and SageMaker resource names.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
// All digits would read as a version number in a reference (churn@3).
const ALIAS_NAME = /^(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const RESERVED_ALIASES = new Set(['latest']);

export function checkedModelName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new ValidationError('The model name is invalid', [
      { field: 'name', message: 'must be 1-100 of A-Z a-z 0-9 . _ -, starting with a letter or digit' },
    ]);
  }
  return name;
}

export function checkedAliasName(alias: string): string {
  if (!ALIAS_NAME.test(alias) || RESERVED_ALIASES.has(alias.toLowerCase())) {
    throw new ValidationError('The alias name is invalid', [
      {
        field: 'alias',
        message: 'must be 1-63 of A-Z a-z 0-9 . _ -, not only digits, and not "latest"',
      },
    ]);
  }
  return alias;
}

/** `name@alias`, the one-call reference to whatever version an alias names. */
export function parseModelReference(reference: string): { modelName: string; alias: string } {
  const at = reference.lastIndexOf('@');
  if (at <= 0) {
    throw new ValidationError('The reference must be name@alias', [{ field: 'ref', message: 'expected name@alias' }]);
  }
  return { modelName: checkedModelName(reference.slice(0, at)), alias: checkedAliasName(reference.slice(at + 1)) };
}
