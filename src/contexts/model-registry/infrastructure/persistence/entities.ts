import { ModelAliasOrmEntity } from './model-alias.orm-entity.js';
import { ModelCardOrmEntity } from './model-card.orm-entity.js';
import { ApprovalDecisionOrmEntity, ModelVersionOrmEntity } from './model-version.orm-entity.js';
import { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';
import { RegistrySettingsOrmEntity } from './registry-settings.orm-entity.js';

/** Every table of the `model_registry` schema that TypeORM maps. */
export const MODEL_REGISTRY_ENTITIES = [
  RegisteredModelOrmEntity,
  ModelVersionOrmEntity,
  ApprovalDecisionOrmEntity,
  ModelAliasOrmEntity,
  ModelCardOrmEntity,
  RegistrySettingsOrmEntity,
];
