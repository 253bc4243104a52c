import type { ServingOptionsInput } from '../../domain/deployment/serving-options.js';
import type { RoutingInput, VariantInput } from '../services/variant-specs.js';

export interface CreateDeploymentCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly routing?: RoutingInput;
  readonly variants: readonly VariantInput[];
  readonly serving?: ServingOptionsInput;
  readonly actorId: string;
}
