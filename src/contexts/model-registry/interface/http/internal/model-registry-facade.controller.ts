import { FacadeArguments, FacadeOperation, InternalFacadeController } from '@libs/platform';
import {
  ModelRegistryFacade,
  type AliasMoveOutcome,
  type AliasMoveRequest,
  type RegistryModelVersion,
  type ResolvedModelVersion,
} from '../../../contracts/model-registry.facade.js';

/** The registry's facade for processes that do not host it (docs/adr/0704): signed service calls only, in no OpenAPI document. */
@InternalFacadeController('model-registry')
export class ModelRegistryFacadeController {
  constructor(private readonly facade: ModelRegistryFacade) {}

  @FacadeOperation('resolve-alias')
  resolveAlias(@FacadeArguments() [projectId, modelName, alias]: string[]): Promise<ResolvedModelVersion | undefined> {
    return this.facade.resolveAlias(projectId, modelName, alias);
  }

  @FacadeOperation('find-version')
  findVersion(@FacadeArguments() [projectId, versionId]: string[]): Promise<RegistryModelVersion | undefined> {
    return this.facade.findVersion(projectId, versionId);
  }

  @FacadeOperation('move-alias')
  moveAlias(@FacadeArguments() [request]: [AliasMoveRequest]): Promise<AliasMoveOutcome> {
    return this.facade.moveAlias(request);
  }
}
