import { BatchPredictionOrmEntity } from './batch-prediction.orm-entity.js';
import { DeploymentOrmEntity } from './deployment.orm-entity.js';

export const PREDICTION_ENTITIES = [DeploymentOrmEntity, BatchPredictionOrmEntity];
