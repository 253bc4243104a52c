import { Injectable } from '@nestjs/common';
import { FacadeTransport, FacadeUnavailable, HttpRunLogSource } from '@libs/platform';
import {
  DatasetFiles,
  type DatasetVersionSummary,
  type ProducedVersion,
  type RegisteredVersion,
  type VersionRows,
} from '../../contracts/dataset-files.facade.js';
import {
  DatasetQualityFacade,
  type BlockingCheck,
  type BlockingChecksQuery,
} from '../../contracts/dataset-quality.facade.js';
import { LineageFacade } from '../../contracts/lineage.facade.js';
import { PIPELINE_RUN_LOG_SOURCE_NAME } from '../../contracts/pipeline-run-log-source.js';

const CONTEXT = 'data-pipeline';

/** The lineage facade where the data pipeline is hosted elsewhere (docs/adr/0704). */
@Injectable()
export class HttpLineageFacade extends LineageFacade {
  constructor(private readonly transport: FacadeTransport) {
    super();
  }

  async knowsRun(runId: string): Promise<boolean> {
    const known = await this.transport.call<boolean>({
      context: CONTEXT,
      operation: 'knows-run',
      args: [runId],
      idempotent: true,
    });
    return known === true;
  }
}

/** The data-quality facade where the data pipeline is hosted elsewhere (docs/adr/0704). */
@Injectable()
export class HttpDatasetQualityFacade extends DatasetQualityFacade {
  constructor(private readonly transport: FacadeTransport) {
    super();
  }

  async blockingChecks(query: BlockingChecksQuery): Promise<readonly BlockingCheck[]> {
    const checks = await this.transport.call<BlockingCheck[]>({
      context: CONTEXT,
      operation: 'blocking-checks',
      args: [query],
      idempotent: true,
    });
    return checks ?? [];
  }
}

/**
 * Dataset files where the data pipeline is hosted elsewhere (docs/adr/0704): what a version holds
 * and whether a dataset is the project's cross as calls; rows and produced files do not. A version's
 * rows are loaded whole into the owner's DuckDB session for as long as the work runs, and a produced
 * file is a stream: the batch-prediction workers that need them are composed only beside the data
 * pipeline, so these two are never called here.
 */
@Injectable()
export class HttpDatasetFiles extends DatasetFiles {
  constructor(private readonly transport: FacadeTransport) {
    super();
  }

  summaryOf(projectId: string, versionId: string): Promise<DatasetVersionSummary | undefined> {
    return this.transport.call({
      context: CONTEXT,
      operation: 'summary-of',
      args: [projectId, versionId],
      idempotent: true,
    });
  }

  async hasDataset(projectId: string, datasetId: string): Promise<boolean> {
    const has = await this.transport.call<boolean>({
      context: CONTEXT,
      operation: 'has-dataset',
      args: [projectId, datasetId],
      idempotent: true,
    });
    return has === true;
  }

  withRowsOf<T>(_projectId: string, _versionId: string, _work: (rows: VersionRows) => Promise<T>): Promise<T> {
    return Promise.reject(new FacadeUnavailable('A version’s rows are read only in a process hosting data-pipeline'));
  }

  register(produced: ProducedVersion): Promise<RegisteredVersion> {
    produced.body.destroy();
    return Promise.reject(
      new FacadeUnavailable('A produced file is registered only in a process hosting data-pipeline'),
    );
  }
}

/** Pipeline runs' log lines where the data pipeline is hosted elsewhere, bound to `PipelineRunLogSource` (docs/adr/0704). */
@Injectable()
export class HttpPipelineRunLogSource extends HttpRunLogSource {
  constructor(transport: FacadeTransport) {
    super(transport, CONTEXT, PIPELINE_RUN_LOG_SOURCE_NAME);
  }
}
