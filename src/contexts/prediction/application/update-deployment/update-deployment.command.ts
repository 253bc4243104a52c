import type { ServingOptionsInput } from '../../domain/deployment/serving-options.js';
import type { RoutingInput, VariantInput } from '../services/variant-specs.js';

/** Replaces a deployment's routing and variants as a whole. */
export interface UpdateDeploymentCommand {
  readonly deploymentId: string;
  readonly description?: string;
  readonly routing?: RoutingInput;
  readonly variants: readonly VariantInput[];
  readonly serving?: ServingOptionsInput;
  readonly actorId: string;
}
