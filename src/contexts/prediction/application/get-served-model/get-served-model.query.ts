import type { Deployment } from '../../domain/deployment/deployment.js';
import type { Variant } from '../../domain/deployment/variant.js';

/** A deployment as the Open Inference Protocol names it: the model, and optionally one variant as its version. */
export interface GetServedModelQuery {
  readonly projectId: string;
  readonly model: string;
  readonly variant?: string;
}

export interface ServedModel {
  readonly deployment: Deployment;
  /** The variant asked for, or the variants that answer callers when none was. */
  readonly variants: readonly Variant[];
}
