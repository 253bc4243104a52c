import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import type { DatasetSchema } from '../schema/dataset-schema.js';

const MAX_NAME_LENGTH = 200;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface DatasetState {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly schema: DatasetSchema;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface NewDataset {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly schema: DatasetSchema;
  readonly createdBy: string;
  readonly at: Date;
}

/** A named table of a project with its declared schema; its content lives in immutable versions. */
export class Dataset extends AggregateRoot {
  private constructor(private readonly state: DatasetState) {
    super(state.id);
  }

  static create(input: NewDataset): Dataset {
    const name = input.name.trim();
    // Names end up in object keys and URLs of other tools (OpenLineage namespaces): a safe alphabet.
    if (name.length === 0 || name.length > MAX_NAME_LENGTH || !NAME.test(name))
      throw new ValidationError(
        'The dataset name is invalid',
        [
          {
            field: 'name',
            message: `must be 1-${MAX_NAME_LENGTH} characters of A-Z a-z 0-9 . _ -, starting with a letter or digit`,
          },
        ],
        'invalid-dataset-name',
      );
    return new Dataset({
      id: newId(),
      projectId: input.projectId,
      name,
      description: input.description?.trim() ?? '',
      schema: input.schema,
      createdBy: input.createdBy,
      createdAt: input.at,
    });
  }

  static restore(state: DatasetState): Dataset {
    return new Dataset(state);
  }

  get snapshot(): DatasetState {
    return this.state;
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get schema(): DatasetSchema {
    return this.state.schema;
  }
}
