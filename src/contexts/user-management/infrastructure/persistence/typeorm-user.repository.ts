import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { Email } from '../../domain/users/email.js';
import { EmailTaken } from '../../domain/errors.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository, type UserPage } from '../../domain/users/user.repository.js';
import { isUniqueViolation } from './postgres-errors.js';
import { userToDomain, userToPersistence } from './user.mapper.js';
import { UserOrmEntity } from './user.orm-entity.js';
import { versionedSave } from './versioned-save.js';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.rows().findOneBy({ id });
    return row ? userToDomain(row) : undefined;
  }

  async findByEmail(email: Email): Promise<User | undefined> {
    const row = await this.rows().findOneBy({ email: email.value });
    return row ? userToDomain(row) : undefined;
  }

  async list(limit: number, cursor?: string): Promise<UserPage> {
    const query = this.rows()
      .createQueryBuilder('user')
      .orderBy('user.id', 'ASC')
      .take(limit + 1);
    if (cursor) query.where('user.id > :cursor', { cursor });
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(userToDomain), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  countAdmins(): Promise<number> {
    return this.rows().countBy({ isAdmin: true });
  }

  async save(user: User): Promise<void> {
    try {
      const version = await versionedSave(
        this.scope.manager(),
        UserOrmEntity,
        userToPersistence(user, user.version),
        user.version,
        'User',
      );
      user.markSaved(version);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw new EmailTaken();
      throw error;
    }
  }

  private rows() {
    return this.scope.manager().getRepository(UserOrmEntity);
  }
}
