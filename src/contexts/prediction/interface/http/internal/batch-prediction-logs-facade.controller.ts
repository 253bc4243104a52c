import {
  FacadeArguments,
  FacadeOperation,
  InternalFacadeController,
  RUN_LOG_OPERATIONS,
  type LogRecord,
  type LogSearchCriteria,
} from '@libs/platform';
import { BatchPredictionLogSource } from '../../../contracts/batch-prediction-log-source.js';

/** Batch predictions' log lines, for a monitoring process that does not host prediction (docs/adr/0704): signed service calls only. */
@InternalFacadeController('prediction')
export class BatchPredictionLogsFacadeController {
  constructor(private readonly runLogs: BatchPredictionLogSource) {}

  @FacadeOperation(RUN_LOG_OPERATIONS.search)
  searchRunLogs(@FacadeArguments() [criteria]: [LogSearchCriteria]): Promise<readonly LogRecord[]> {
    return this.runLogs.search(criteria);
  }

  @FacadeOperation(RUN_LOG_OPERATIONS.prune)
  pruneRunLogs(@FacadeArguments() [cutoff]: [Date]): Promise<number> {
    return this.runLogs.pruneBefore(cutoff);
  }
}
