import type { ModelVersionStatus } from '../../domain/version/model-version-status.js';

export interface ListModelVersionsQuery {
  readonly modelId: string;
  readonly status?: ModelVersionStatus;
  readonly limit: number;
  readonly cursor?: string;
}
