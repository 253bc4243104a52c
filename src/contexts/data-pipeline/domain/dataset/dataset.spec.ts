import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { DatasetSchema } from '../schema/dataset-schema.js';
import { Dataset } from './dataset.js';

const schema = DatasetSchema.of({ columns: [{ name: 'id', type: 'integer', nullable: false }], primaryKey: ['id'] });
const create = (name: string) =>
  Dataset.create({ projectId: 'p', name, schema, createdBy: 'u', at: new Date('2026-12-01T00:00:00Z') });

describe('Dataset', () => {
  it('keeps a trimmed name of the safe alphabet and an empty description by default', () => {
    expect(create(' sales.2026_v-1 ').snapshot).toMatchObject({ name: 'sales.2026_v-1', description: '' });
  });

  it('refuses names that could escape a key or a URL, and empty or overlong ones', () => {
    for (const name of ['', '../x', 'a/b', '.hidden', 'with space', 'x'.repeat(201)])
      expect(() => create(name)).toThrow(ValidationError);
  });
});
