import { Injectable } from '@nestjs/common';
import { UserRepository, type UserPage } from '../../domain/users/user.repository.js';
import type { ListUsersQuery } from './list-users.query.js';

/** Every account, a page at a time, for admins. */
@Injectable()
export class ListUsersHandler {
  constructor(private readonly users: UserRepository) {}

  execute(query: ListUsersQuery): Promise<UserPage> {
    return this.users.list(query.limit, query.cursor);
  }
}
