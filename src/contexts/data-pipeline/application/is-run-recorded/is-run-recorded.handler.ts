import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { IsRunRecordedQuery } from './is-run-recorded.query.js';

const RUN_TYPES = ['workflow-run', 'pipeline-run'] as const;

/**
 * Whether a run is a node of the graph. Only a run's own events create its node; an edge naming it
 * (a model version's source) does not, so a made-up run id is never known.
 */
@Injectable()
export class IsRunRecordedHandler {
  constructor(private readonly graph: LineageGraphRepository) {}

  async execute(query: IsRunRecordedQuery): Promise<boolean> {
    for (const type of RUN_TYPES) {
      if (await this.graph.find({ type, id: query.runId })) return true;
    }
    return false;
  }
}
