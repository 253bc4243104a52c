import { Injectable } from '@nestjs/common';
import { FindBlockingChecksHandler } from '../application/find-blocking-checks/find-blocking-checks.handler.js';
import {
  DatasetQualityFacade,
  type BlockingCheck,
  type BlockingChecksQuery,
} from '../contracts/dataset-quality.facade.js';

/** The in-process binding of the facade. */
@Injectable()
export class LocalDatasetQualityFacade extends DatasetQualityFacade {
  constructor(private readonly blocking: FindBlockingChecksHandler) {
    super();
  }

  blockingChecks(query: BlockingChecksQuery): Promise<readonly BlockingCheck[]> {
    return this.blocking.execute(query);
  }
}
