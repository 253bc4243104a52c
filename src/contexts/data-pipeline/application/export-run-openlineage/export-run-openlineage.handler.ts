import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { openLineageRunEvents, type OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import type { ExportRunOpenLineageQuery } from './export-run-openlineage.query.js';

/** Two steps reach a run's task runs and what they consumed and produced. */
const RUN_REACH = 2;

/** A run's OpenLineage RunEvents, built from the graph around it. */
@Injectable()
export class ExportRunOpenLineageHandler {
  constructor(private readonly graph: LineageGraphRepository) {}

  async execute(query: ExportRunOpenLineageQuery): Promise<OpenLineageRunEvent[]> {
    const run =
      (await this.graph.find({ type: 'workflow-run', id: query.runId })) ??
      (await this.graph.find({ type: 'pipeline-run', id: query.runId }));
    if (!run) throw new NotFoundError('Run', query.runId);
    return openLineageRunEvents(await this.graph.subgraph(run, 'both', RUN_REACH));
  }
}
