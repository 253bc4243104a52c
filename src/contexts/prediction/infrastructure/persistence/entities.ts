import { BatchPredictionOrmEntity } from './batch-prediction.orm-entity.js';
import { DeploymentOrmEntity } from './deployment.orm-entity.js';
import { ExperimentDecisionOrmEntity } from './experiment-decision.orm-entity.js';
import { PredictionRecordOrmEntity } from './prediction-record.orm-entity.js';

export const PREDICTION_ENTITIES = [
  DeploymentOrmEntity,
  PredictionRecordOrmEntity,
  ExperimentDecisionOrmEntity,
  BatchPredictionOrmEntity,
];
