import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DatasetQualityFacade } from '@contexts/data-pipeline';
import {
  TrainingDataChecks,
  type BlockingTrainingCheck,
  type TrainingDataBlockOn,
} from '../application/ports/training-data-checks.js';
import { TrainingDataUncheckable } from '../domain/errors.js';

/**
 * Asks the data-pipeline context of this process for the blocking checks of the training data. A
 * process without it cannot tell, so a registration that asked for the check fails closed there.
 */
@Injectable()
export class PipelineTrainingDataChecks extends TrainingDataChecks {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async blockingChecks(
    projectId: string,
    datasetVersionIds: readonly string[],
    blockOn: Exclude<TrainingDataBlockOn, 'none'>,
  ): Promise<readonly BlockingTrainingCheck[]> {
    const checks = await this.quality().blockingChecks({ projectId, datasetVersionIds, blockOn });
    return checks.map(({ datasetVersionId, checkRunId, name, outcome, observedValue, threshold }) => ({
      datasetVersionId,
      checkRunId,
      name,
      outcome,
      observedValue,
      threshold,
    }));
  }

  private quality(): DatasetQualityFacade {
    try {
      return this.modules.get(DatasetQualityFacade, { strict: false });
    } catch {
      throw new TrainingDataUncheckable();
    }
  }
}
