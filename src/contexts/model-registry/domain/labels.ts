import { ValidationError } from '@libs/ddd';

export type Tags = Readonly<Record<string, string>>;

const TAG_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const MAX_TAGS = 50;
const MAX_TAG_VALUE = 256;

/** Key-value tags as MLflow and SageMaker keep them; bounded so a model row stays small. */
export function checkedTags(tags: Tags, field = 'tags'): Tags {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) {
    throw new ValidationError('Too many tags', [{ field, message: `at most ${MAX_TAGS} tags` }]);
  }
  for (const [key, value] of entries) {
    if (!TAG_KEY.test(key) || typeof value !== 'string' || value.length > MAX_TAG_VALUE) {
      throw new ValidationError('A tag is invalid', [
        {
          field: `${field}.${key}`,
          message: `keys are 1-128 of A-Z a-z 0-9 . _ : / -; values at most ${MAX_TAG_VALUE} characters`,
        },
      ]);
    }
  }
  return Object.freeze(Object.fromEntries(entries));
}

export function checkedDescription(description: string, field = 'description'): string {
  if (description.length > 5000) {
    throw new ValidationError('The description is too long', [{ field, message: 'at most 5000 characters' }]);
  }
  return description;
}
