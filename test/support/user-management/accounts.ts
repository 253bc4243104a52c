import { Email } from '../../../src/contexts/user-management/domain/users/email.js';
import { User } from '../../../src/contexts/user-management/domain/users/user.js';

/** A registered person whose password is "<name>-password" under the fake hasher. */
export function person(name: string, options: { admin?: boolean } = {}): User {
  return User.register({
    email: Email.of(`${name}@example.com`),
    displayName: name,
    passwordHash: `hash(${name}-password)`,
    isAdmin: options.admin,
  });
}
