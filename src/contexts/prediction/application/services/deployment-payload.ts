import type { DeploymentPayload } from '../../contracts/events.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { formatModelReference } from '../../domain/deployment/model-reference.js';

export function deploymentPayload(deployment: Deployment, actorId: string): DeploymentPayload {
  const { id, projectId, name, routing, variants } = deployment.snapshot;
  return {
    deploymentId: id,
    projectId,
    name,
    routing: routing.mode,
    variants: variants.map((variant) => ({
      name: variant.name,
      model: formatModelReference(variant.model),
      modelVersionId: variant.version.versionId,
      weight: variant.weight,
      shadow: variant.shadow,
    })),
    actorId,
  };
}
