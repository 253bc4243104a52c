import { FacadeArguments, FacadeOperation, InternalFacadeController } from '@libs/platform';
import { DatasetFiles, type DatasetVersionSummary } from '../../../contracts/dataset-files.facade.js';
import {
  DatasetQualityFacade,
  type BlockingCheck,
  type BlockingChecksQuery,
} from '../../../contracts/dataset-quality.facade.js';
import { LineageFacade } from '../../../contracts/lineage.facade.js';

/**
 * The data pipeline's facades for processes that do not host it (docs/adr/0704): signed service
 * calls only, in no OpenAPI document. Rows and produced files stay in process (HttpDatasetFiles).
 */
@InternalFacadeController('data-pipeline')
export class DataPipelineFacadesController {
  constructor(
    private readonly lineage: LineageFacade,
    private readonly quality: DatasetQualityFacade,
    private readonly files: DatasetFiles,
  ) {}

  @FacadeOperation('knows-run')
  knowsRun(@FacadeArguments() [runId]: string[]): Promise<boolean> {
    return this.lineage.knowsRun(runId);
  }

  @FacadeOperation('blocking-checks')
  blockingChecks(@FacadeArguments() [query]: [BlockingChecksQuery]): Promise<readonly BlockingCheck[]> {
    return this.quality.blockingChecks(query);
  }

  @FacadeOperation('summary-of')
  summaryOf(@FacadeArguments() [projectId, versionId]: string[]): Promise<DatasetVersionSummary | undefined> {
    return this.files.summaryOf(projectId, versionId);
  }

  @FacadeOperation('has-dataset')
  hasDataset(@FacadeArguments() [projectId, datasetId]: string[]): Promise<boolean> {
    return this.files.hasDataset(projectId, datasetId);
  }
}
