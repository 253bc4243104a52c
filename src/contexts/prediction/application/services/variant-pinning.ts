import { Injectable } from '@nestjs/common';
import { VersionNotDeployable } from '../../domain/errors.js';
import { checkVariants, RUNTIME_FRAMEWORKS, type Variant, type VariantSpec } from '../../domain/deployment/variant.js';
import { DeployableVersions } from '../ports/deployable-versions.js';

/**
 * Turns the variants a caller asked for into variants pinned to the model versions the registry
 * names now. Only a version with an artifact and a signature deploys.
 */
@Injectable()
export class VariantPinning {
  constructor(private readonly versions: DeployableVersions) {}

  async pin(projectId: string, specs: readonly VariantSpec[]): Promise<Variant[]> {
    // The shape of the list is checked before the registry is asked anything.
    checkVariants(specs);
    const pinned: Variant[] = [];
    for (const spec of specs) {
      const lookup = await this.versions.lookup(projectId, spec.model);
      if (!lookup.deployable) throw new VersionNotDeployable(spec.name, lookup.reason);
      const framework = RUNTIME_FRAMEWORKS[spec.runtime];
      if (lookup.version.framework !== framework)
        throw new VersionNotDeployable(spec.name, `the ${spec.runtime} runtime serves ${framework} models only`);
      pinned.push({ ...spec, version: lookup.version });
    }
    return pinned;
  }
}
