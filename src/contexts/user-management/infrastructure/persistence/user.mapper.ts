import { Email } from '../../domain/users/email.js';
import { User } from '../../domain/users/user.js';
import type { UserOrmEntity } from './user.orm-entity.js';

export function userToDomain(row: UserOrmEntity): User {
  return User.restore({
    id: row.id,
    kind: row.kind,
    email: row.email === null ? null : Email.of(row.email),
    displayName: row.displayName,
    status: row.status,
    passwordHash: row.passwordHash,
    isAdmin: row.isAdmin,
    createdAt: row.createdAt,
    passwordChangedAt: row.passwordChangedAt,
    version: row.version,
  });
}

export function userToPersistence(user: User, version: number): UserOrmEntity {
  return {
    id: user.id,
    kind: user.kind,
    email: user.email?.value ?? null,
    displayName: user.displayName,
    status: user.status,
    passwordHash: user.passwordHash,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt,
    passwordChangedAt: user.passwordChangedAt,
    version,
  };
}
