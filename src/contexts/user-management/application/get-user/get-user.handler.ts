import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { GetUserQuery } from './get-user.query.js';

/** One account, as its owner sees it. */
@Injectable()
export class GetUserHandler {
  constructor(private readonly users: UserRepository) {}

  async execute(query: GetUserQuery): Promise<User> {
    const user = await this.users.findById(query.userId);
    if (!user) throw new NotFoundError('User', query.userId);
    return user;
  }
}
