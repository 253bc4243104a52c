import type { DatasetSchemaProps } from '../../domain/schema/dataset-schema.js';

export interface CreateDatasetCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly schema: DatasetSchemaProps;
  readonly actorId: string;
}
