import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import { RecordDatasetVersionHandler } from '../../application/record-dataset-version/record-dataset-version.handler.js';
import type { DataPipelineEvents } from '../../contracts/events.js';

type DatasetVersionCreated = 'data-pipeline.dataset-version.created.v1';

/**
 * Feeds the lineage graph with this context's own dataset versions, read back from its stream like
 * any other context's events, so the graph is built one way whoever publishes.
 */
@Injectable()
export class DatasetLineageConsumer extends SelfCommittingEventHandler<DataPipelineEvents, DatasetVersionCreated> {
  readonly consumer = 'data-pipeline.lineage-from-data-pipeline';
  readonly eventType = 'data-pipeline.dataset-version.created.v1';

  constructor(private readonly versions: RecordDatasetVersionHandler) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<DataPipelineEvents, DatasetVersionCreated>): Promise<void> {
    const { projectId, datasetId, versionId, producer } = event.payload;
    const { kind, runId, taskRunId, tableSource } = producer;
    await this.versions.execute({
      projectId,
      datasetId,
      versionId,
      producer: {
        kind,
        ...(runId !== null && { runId }),
        ...(taskRunId !== undefined && { taskRunId }),
        ...(tableSource !== undefined && { tableSource }),
      },
      at: event.occurredAt,
    });
  }
}
