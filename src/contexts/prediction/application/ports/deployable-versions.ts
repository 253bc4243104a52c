import type { ModelReference } from '../../domain/deployment/model-reference.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';

/** What the registry answers for a reference: the version to serve, or why there is none. */
export type DeployableLookup =
  | { readonly deployable: true; readonly version: PinnedVersion }
  | {
      readonly deployable: false;
      readonly reason: string;
      /** The project has no such version. */ readonly missing?: boolean;
    };

/** Port: the model registry's view of the versions a project may deploy. */
export abstract class DeployableVersions {
  abstract lookup(projectId: string, reference: ModelReference): Promise<DeployableLookup>;
}
