import { Injectable } from '@nestjs/common';
import { FacadeTransport, FacadeUnavailable } from '@libs/platform';
import {
  ModelRegistryFacade,
  type AliasMoveOutcome,
  type AliasMoveRequest,
  type RegistryModelVersion,
  type ResolvedModelVersion,
} from '../../contracts/model-registry.facade.js';

const CONTEXT = 'model-registry';

/** The facade in a process that does not host the registry: each method is a call to an instance that does (docs/adr/0704). */
@Injectable()
export class HttpModelRegistryFacade extends ModelRegistryFacade {
  constructor(private readonly transport: FacadeTransport) {
    super();
  }

  resolveAlias(projectId: string, modelName: string, alias: string): Promise<ResolvedModelVersion | undefined> {
    return this.transport.call({
      context: CONTEXT,
      operation: 'resolve-alias',
      args: [projectId, modelName, alias],
      idempotent: true,
    });
  }

  findVersion(projectId: string, versionId: string): Promise<RegistryModelVersion | undefined> {
    return this.transport.call({
      context: CONTEXT,
      operation: 'find-version',
      args: [projectId, versionId],
      idempotent: true,
    });
  }

  // Not retried: a second move after a lost answer would say `already-there` where the first said `moved`.
  async moveAlias(request: AliasMoveRequest): Promise<AliasMoveOutcome> {
    const outcome = await this.transport.call<AliasMoveOutcome>({
      context: CONTEXT,
      operation: 'move-alias',
      args: [request],
      idempotent: false,
    });
    if (outcome === undefined) throw new FacadeUnavailable('The model registry answered no outcome for an alias move');
    return outcome;
  }
}
