import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import { RecordAliasMoveHandler } from '../../application/record-alias-move/record-alias-move.handler.js';
import { RecordModelReviewHandler } from '../../application/record-model-review/record-model-review.handler.js';
import { RecordModelVersionHandler } from '../../application/record-model-version/record-model-version.handler.js';
import type { RegistryEventsAsRead } from './model-registry-events.js';

const LINEAGE_EVENTS = [
  'model-registry.model-version.created.v1',
  'model-registry.model-version.approved.v1',
  'model-registry.model-version.rejected.v1',
  'model-registry.alias.moved.v1',
] as const;
type LineageEvent = (typeof LINEAGE_EVENTS)[number];

/**
 * Feeds the lineage graph with model versions (and the runs and data they came of), their review
 * decisions and their aliases. Upserts and keyed facet entries make a redelivery change nothing.
 */
@Injectable()
export class ModelRegistryLineageConsumer extends SelfCommittingEventHandler<RegistryEventsAsRead, LineageEvent> {
  readonly consumer = 'data-pipeline.lineage-from-model-registry';
  readonly eventType = LINEAGE_EVENTS;

  constructor(
    private readonly versions: RecordModelVersionHandler,
    private readonly reviews: RecordModelReviewHandler,
    private readonly aliases: RecordAliasMoveHandler,
  ) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<RegistryEventsAsRead, LineageEvent>): Promise<void> {
    const at = event.occurredAt;
    switch (event.type) {
      case 'model-registry.model-version.created.v1': {
        const { projectId, modelId, versionId, versionNumber, framework, trainingDatasetVersionIds } = event.payload;
        const source = event.payload.source && {
          runId: event.payload.source.runId,
          taskId: event.payload.source.taskId,
        };
        const command = { projectId, modelId, versionId, versionNumber, framework, source, trainingDatasetVersionIds };
        return this.versions.execute({ ...command, at });
      }
      case 'model-registry.model-version.approved.v1':
      case 'model-registry.model-version.rejected.v1': {
        const { projectId, versionId, decidedBy, comment } = event.payload;
        const decision = event.type === 'model-registry.model-version.approved.v1' ? 'Approved' : 'Rejected';
        return this.reviews.execute({ projectId, versionId, reviewId: event.id, decision, decidedBy, comment, at });
      }
      case 'model-registry.alias.moved.v1': {
        const { projectId, alias, versionId, previousVersionId, aliasVersion } = event.payload;
        return this.aliases.execute({ projectId, alias, versionId, previousVersionId, aliasVersion, at });
      }
    }
  }
}
