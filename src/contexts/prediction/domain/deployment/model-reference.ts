import { isUuid, ValidationError } from '@libs/ddd';

/** What a variant serves: a registered model's alias (`churn@champion`) or one model version by id. */
export type ModelReference =
  | { readonly kind: 'alias'; readonly modelName: string; readonly alias: string }
  | { readonly kind: 'version'; readonly versionId: string };

const ALIAS_REFERENCE = /^([^@\s]+)@([^@\s]+)$/;

export function parseModelReference(text: string, field: string): ModelReference {
  const trimmed = text.trim();
  if (isUuid(trimmed)) return { kind: 'version', versionId: trimmed.toLowerCase() };
  const match = ALIAS_REFERENCE.exec(trimmed);
  if (!match) {
    throw new ValidationError('The model reference is invalid', [
      { field, message: 'must be <model name>@<alias> or a model version id' },
    ]);
  }
  return { kind: 'alias', modelName: match[1], alias: match[2] };
}

export function formatModelReference(reference: ModelReference): string {
  return reference.kind === 'alias' ? `${reference.modelName}@${reference.alias}` : reference.versionId;
}
