import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModelRegistryFacade, type RegistryModelVersion } from '@contexts/model-registry';
import { DeployableVersions, type DeployableLookup } from '../../application/ports/deployable-versions.js';
import type { ModelReference } from '../../domain/deployment/model-reference.js';
import { formatModelReference } from '../../domain/deployment/model-reference.js';
import { ModelRuntimeFailed } from '../../domain/errors.js';
import type { TensorSpec } from '../../domain/tensor/tensor-spec.js';

// A rejected or archived version was taken out of service on purpose.
const UNSERVABLE_STATUSES = new Set(['Rejected', 'Archived']);

/** Asks the model registry of this process, through its facade, what a variant may serve. */
@Injectable()
export class RegistryDeployableVersions extends DeployableVersions {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async lookup(projectId: string, reference: ModelReference): Promise<DeployableLookup> {
    const registry = this.registry();
    const version =
      reference.kind === 'alias'
        ? await registry.resolveAlias(projectId, reference.modelName, reference.alias)
        : await registry.findVersion(projectId, reference.versionId);
    if (!version)
      return {
        deployable: false,
        reason: `the project has no model version ${formatModelReference(reference)}`,
        missing: true,
      };
    if (UNSERVABLE_STATUSES.has(version.status)) return refused(`version ${version.versionId} is ${version.status}`);
    if (!version.artifact) return refused(`version ${version.versionId} has no artifact`);
    if (version.signature.inputs.length === 0 || version.signature.outputs.length === 0)
      return refused(`version ${version.versionId} has no signature`);
    return { deployable: true, version: pinned(version, version.artifact) };
  }

  private registry(): ModelRegistryFacade {
    try {
      return this.modules.get(ModelRegistryFacade, { strict: false });
    } catch {
      // Deployments are written where the registry runs (ARCHITECTURE: prediction sits beside it).
      throw new ModelRuntimeFailed('The model registry is not reachable from this process');
    }
  }
}

function refused(reason: string): DeployableLookup {
  return { deployable: false, reason };
}

function pinned(version: RegistryModelVersion, artifact: { key: string; sizeBytes: number }) {
  return {
    versionId: version.versionId,
    versionNumber: version.versionNumber,
    modelName: version.modelName,
    framework: version.framework,
    artifactKey: artifact.key,
    artifactBytes: artifact.sizeBytes,
    signature: {
      // The registry checked the datatypes against the same list when the signature was set.
      inputs: version.signature.inputs.map((tensor) => ({ ...tensor }) as TensorSpec),
      outputs: version.signature.outputs.map((tensor) => ({ ...tensor }) as TensorSpec),
    },
  };
}
