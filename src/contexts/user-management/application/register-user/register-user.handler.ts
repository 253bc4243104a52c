import { Injectable } from '@nestjs/common';
import type { User } from '../../domain/users/user.js';
import { UserRegistration } from '../services/user-registration.js';
import type { RegisterUserCommand } from './register-user.command.js';

/** Self sign-up (when switched on) or an admin's invitation. */
@Injectable()
export class RegisterUserHandler {
  constructor(private readonly registration: UserRegistration) {}

  execute(command: RegisterUserCommand): Promise<User> {
    return this.registration.register(command);
  }
}
