import { Readable } from 'node:stream';
import { newId } from '@libs/ddd';
import { Dataset } from '../../../src/contexts/data-pipeline/domain/dataset/dataset.js';
import { DatasetSchema } from '../../../src/contexts/data-pipeline/domain/schema/dataset-schema.js';

export const PROJECT = '0190d7a8-0000-7000-8000-000000000001';
export const OTHER_PROJECT = '0190d7a8-0000-7000-8000-000000000002';
export const ACTOR = '0190d7a8-0000-7000-8000-0000000000aa';

/** id integer key, name string, score float (nullable). */
export const CUSTOMER_SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'name', type: 'string', nullable: true },
    { name: 'score', type: 'float', nullable: true },
  ],
  primaryKey: ['id'],
} as const;

export function aDataset(name = 'customers', projectId = PROJECT): Dataset {
  return Dataset.create({
    projectId,
    name,
    schema: DatasetSchema.of({ columns: [...CUSTOMER_SCHEMA.columns], primaryKey: [...CUSTOMER_SCHEMA.primaryKey] }),
    createdBy: ACTOR,
    at: new Date('2026-12-01T00:00:00Z'),
  });
}

export function bytesOf(text: string): Readable {
  return Readable.from([Buffer.from(text)]);
}

export function aRunId(): string {
  return newId();
}
