import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { RecordModelReviewCommand } from './record-model-review.command.js';

/** Adds a review decision to the `approvals` facet of the model version's node. */
@Injectable()
export class RecordModelReviewHandler {
  constructor(private readonly graph: LineageGraphRepository) {}

  async execute(command: RecordModelReviewCommand): Promise<void> {
    const { projectId, versionId, reviewId, decision, decidedBy, comment, at } = command;
    const version = { type: 'model-version', id: versionId, projectId } as const;
    await this.graph.recordFacetEntry(version, 'approvals', reviewId, {
      decision,
      decidedBy,
      comment,
      at,
    });
  }
}
