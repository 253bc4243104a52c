import type { ModelChanges } from '../../domain/model/registered-model.js';

export interface UpdateModelCommand {
  readonly modelId: string;
  /** From If-Match; absent means the caller accepts whatever version is current. */
  readonly expectedVersion?: number;
  readonly changes: ModelChanges;
}
