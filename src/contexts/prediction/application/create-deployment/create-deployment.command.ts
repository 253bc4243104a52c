import type { RoutingInput, VariantInput } from '../services/variant-specs.js';

export interface CreateDeploymentCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly routing?: RoutingInput;
  readonly variants: readonly VariantInput[];
  readonly actorId: string;
}
