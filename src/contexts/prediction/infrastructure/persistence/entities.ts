import { DeploymentOrmEntity } from './deployment.orm-entity.js';

export const PREDICTION_ENTITIES = [DeploymentOrmEntity];
