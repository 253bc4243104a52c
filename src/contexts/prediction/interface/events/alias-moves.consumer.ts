import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import type { ModelRegistryEvents } from '@contexts/model-registry';
import { FollowAliasHandler } from '../../application/follow-alias/follow-alias.handler.js';

type AliasMoved = 'model-registry.alias.moved.v1';

/**
 * Deployments follow the aliases they name: each move of an alias re-pins them. Re-pinning asks
 * the registry what the alias names now, so a redelivery or a late delivery changes nothing wrong;
 * each deployment commits on its own, and the cache purge follows the commits.
 */
@Injectable()
export class AliasMovesConsumer extends SelfCommittingEventHandler<ModelRegistryEvents, AliasMoved> {
  readonly consumer = 'prediction.deployments-follow-aliases';
  readonly eventType = 'model-registry.alias.moved.v1';

  constructor(private readonly follow: FollowAliasHandler) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<ModelRegistryEvents, AliasMoved>): Promise<void> {
    const { projectId, alias, previousVersionId } = event.payload;
    await this.follow.execute({ projectId, alias, previousVersionId, at: new Date(event.occurredAt) });
  }
}
