import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { InvalidCredentials } from '../../domain/errors.js';
import { PasswordHasher } from '../../domain/users/password-hasher.js';
import type { User } from '../../domain/users/user.js';
import { UserRepository } from '../../domain/users/user.repository.js';

/** Re-authentication before a sensitive change (ASVS 6.2.3): a stolen session alone is not enough. */
@Injectable()
export class CurrentPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async confirm(userId: string, password: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    const hash = user.passwordHash ?? (await this.hasher.decoyHash());
    if (!(await this.hasher.verify(password, hash)) || !user.canLogIn) throw new InvalidCredentials();
    return user;
  }
}
