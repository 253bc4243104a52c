import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { User } from '../../domain/users/user.js';
import { UserRepository, type UserPage } from '../../domain/users/user.repository.js';

/** Reads of accounts: the admin's list and anyone's own account. */
@Injectable()
export class ListUsersHandler {
  constructor(private readonly users: UserRepository) {}

  list(limit: number, cursor?: string): Promise<UserPage> {
    return this.users.list(limit, cursor);
  }

  async one(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    return user;
  }
}
