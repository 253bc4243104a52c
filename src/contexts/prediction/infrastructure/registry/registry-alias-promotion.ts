import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModelRegistryFacade } from '@contexts/model-registry';
import {
  AliasPromotion,
  type AliasPromotionOutcome,
  type AliasPromotionRequest,
} from '../../application/ports/alias-promotion.js';
import { ModelRuntimeFailed } from '../../domain/errors.js';

/** Moves aliases through the model registry of this process, by its facade and so by its rules. */
@Injectable()
export class RegistryAliasPromotion extends AliasPromotion {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  promote(request: AliasPromotionRequest): Promise<AliasPromotionOutcome> {
    return this.registry().moveAlias(request);
  }

  async current(projectId: string, modelName: string, alias: string): Promise<string | undefined> {
    return (await this.registry().resolveAlias(projectId, modelName, alias))?.versionId;
  }

  private registry(): ModelRegistryFacade {
    try {
      return this.modules.get(ModelRegistryFacade, { strict: false });
    } catch {
      throw new ModelRuntimeFailed('The model registry is not reachable from this process');
    }
  }
}
