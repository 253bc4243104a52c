import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '@libs/ddd';
import { DatasetFiles } from '@contexts/data-pipeline';
import {
  BatchDatasets,
  type BatchInputRows,
  type BatchInputVersion,
  type BatchOutput,
} from '../../application/ports/batch-datasets.js';

/** Batch predictions need the data pipeline in the same process (ARCHITECTURE: both run in the platform's workers). */
export class DatasetsUnreachable extends DomainError {
  readonly type = 'datasets-unreachable';
  readonly kind = 'unavailable';
}

/** The datasets of the data pipeline of this process, through its facade. */
@Injectable()
export class DataPipelineBatchDatasets extends BatchDatasets {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async inputVersion(projectId: string, versionId: string): Promise<BatchInputVersion | undefined> {
    return this.files().summaryOf(projectId, versionId);
  }

  hasDataset(projectId: string, datasetId: string): Promise<boolean> {
    return this.files().hasDataset(projectId, datasetId);
  }

  withRowsOf<T>(projectId: string, versionId: string, work: (rows: BatchInputRows) => Promise<T>): Promise<T> {
    return this.files().withRowsOf(projectId, versionId, work);
  }

  async registerOutput(output: BatchOutput): Promise<{ readonly versionId: string; readonly rowCount: number }> {
    const registered = await this.files().register({
      projectId: output.projectId,
      datasetId: output.datasetId,
      body: output.body,
      producer: { kind: 'batch-prediction', runId: output.jobId, actorId: output.actorId },
    });
    return { versionId: registered.versionId, rowCount: registered.rowCount };
  }

  private files(): DatasetFiles {
    try {
      return this.modules.get(DatasetFiles, { strict: false });
    } catch {
      throw new DatasetsUnreachable('The data pipeline is not reachable from this process');
    }
  }
}
