import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';
import { RunOpenLineageEvents } from '../services/run-openlineage-events.js';
import type { ExportRunOpenLineageQuery } from './export-run-openlineage.query.js';

/** A run's OpenLineage RunEvents, as the graph knows the run now. */
@Injectable()
export class ExportRunOpenLineageHandler {
  constructor(private readonly runEvents: RunOpenLineageEvents) {}

  async execute(query: ExportRunOpenLineageQuery): Promise<OpenLineageRunEvent[]> {
    const run = await this.runEvents.findRun(query.runId);
    if (!run) throw new NotFoundError('Run', query.runId);
    return this.runEvents.of(run);
  }
}
