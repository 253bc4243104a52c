import { runLogFacadeRoutes } from '@libs/platform';
import { BatchPredictionLogSource } from '../../../contracts/batch-prediction-log-source.js';

/** Batch predictions' log lines, for a monitoring process that does not host prediction (docs/adr/0704): signed service calls only. */
export const BatchPredictionLogFacadeController = runLogFacadeRoutes('prediction', BatchPredictionLogSource);
