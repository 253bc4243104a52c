import { Injectable } from '@nestjs/common';
import { ValidationError, type FieldProblem } from '@libs/ddd';
import { VersionNotDeployable } from '../../domain/errors.js';
import { checkVariants, RUNTIME_FRAMEWORKS, type Variant, type VariantSpec } from '../../domain/deployment/variant.js';
import { DeployableVersions } from '../ports/deployable-versions.js';
import { RemoteUrls } from '../ports/remote-urls.js';

/**
 * Turns the variants a caller asked for into variants pinned to the model versions the registry
 * names now. Only a version with an artifact and a signature deploys.
 */
@Injectable()
export class VariantPinning {
  constructor(
    private readonly versions: DeployableVersions,
    private readonly urls: RemoteUrls,
  ) {}

  async pin(projectId: string, specs: readonly VariantSpec[]): Promise<Variant[]> {
    // The shape of the list is checked before the registry is asked anything.
    checkVariants(specs);
    this.checkRemoteUrls(specs);
    const pinned: Variant[] = [];
    for (const spec of specs) {
      const lookup = await this.versions.lookup(projectId, spec.model);
      if (!lookup.deployable) throw new VersionNotDeployable(spec.name, lookup.reason);
      const framework = RUNTIME_FRAMEWORKS[spec.runtime];
      if (framework !== undefined && lookup.version.framework !== framework)
        throw new VersionNotDeployable(spec.name, `the ${spec.runtime} runtime serves ${framework} models only`);
      pinned.push({ ...spec, version: lookup.version });
    }
    return pinned;
  }

  /** Refused when written, so a deployment never holds a URL the policy would refuse on every call. */
  private checkRemoteUrls(specs: readonly VariantSpec[]): void {
    const problems: FieldProblem[] = specs.flatMap((spec, index) => {
      const problem = spec.endpoint?.kind === 'v2-remote' ? this.urls.problemOf(spec.endpoint.url) : undefined;
      return problem ? [{ field: `variants[${index}].endpoint.url`, message: problem }] : [];
    });
    if (problems.length > 0)
      throw new ValidationError('The outbound policy refuses a remote endpoint', problems, 'endpoint-url-refused');
  }
}
