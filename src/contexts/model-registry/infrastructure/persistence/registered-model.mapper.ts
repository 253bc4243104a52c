import { RegisteredModel } from '../../domain/model/registered-model.js';
import type { RegisteredModelOrmEntity } from './registered-model.orm-entity.js';

export function modelToDomain(row: RegisteredModelOrmEntity): RegisteredModel {
  const { version, ...state } = row;
  return RegisteredModel.restore(state, version);
}

export function modelToPersistence(model: RegisteredModel): RegisteredModelOrmEntity {
  const state = model.snapshot;
  return {
    ...state,
    tags: { ...state.tags },
    protectedAliases: [...state.protectedAliases],
    promotionPolicies: Object.fromEntries(
      Object.entries(state.promotionPolicies).map(([alias, rules]) => [alias, [...rules]]),
    ),
    version: model.version,
  };
}
