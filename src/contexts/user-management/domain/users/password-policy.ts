import { PasswordRejected } from '../errors.js';
import type { CommonPasswords } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 8;
// ASVS 6.2.9 asks that at least 64 characters be accepted; the hasher pre-hashes, so bcrypt's
// 72-byte limit never truncates them.
export const PASSWORD_MAX_LENGTH = 128;

/**
 * ASVS 5.0 section 6.2: a length floor, a generous ceiling, no composition rules, and no
 * password from the common-passwords list. Length counts code points, so emoji count once.
 */
export class PasswordPolicy {
  constructor(private readonly commonPasswords: CommonPasswords) {}

  check(password: string): void {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH)
      throw new PasswordRejected(`must have at least ${PASSWORD_MIN_LENGTH} characters`);
    if (length > PASSWORD_MAX_LENGTH) throw new PasswordRejected(`must have at most ${PASSWORD_MAX_LENGTH} characters`);
    if (this.commonPasswords.includes(password)) throw new PasswordRejected('is too common; choose another');
  }
}
