import { ApiKeyOrmEntity } from './api-key.orm-entity.js';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity.js';
import { MembershipOrmEntity, ProjectOrmEntity } from './project.orm-entity.js';
import { RefreshTokenFamilyOrmEntity, RefreshTokenOrmEntity } from './refresh-token-family.orm-entity.js';
import { UserOrmEntity } from './user.orm-entity.js';

/** Every table of the `user_management` schema that TypeORM maps. */
export const USER_MANAGEMENT_ENTITIES = [
  UserOrmEntity,
  ProjectOrmEntity,
  MembershipOrmEntity,
  RefreshTokenFamilyOrmEntity,
  RefreshTokenOrmEntity,
  ApiKeyOrmEntity,
  AuditEntryOrmEntity,
];
