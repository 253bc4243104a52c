import { Injectable } from '@nestjs/common';
import { FacadeTransport, HttpRunLogSource } from '@libs/platform';
import { BATCH_PREDICTION_LOG_SOURCE_NAME } from '../../contracts/batch-prediction-log-source.js';

/** Batch predictions' log lines where the prediction context is hosted elsewhere, bound to `BatchPredictionLogSource` (docs/adr/0704). */
@Injectable()
export class HttpBatchPredictionLogSource extends HttpRunLogSource {
  constructor(transport: FacadeTransport) {
    super(transport, 'prediction', BATCH_PREDICTION_LOG_SOURCE_NAME);
  }
}
