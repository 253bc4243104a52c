import { describe, expect, it } from '@jest/globals';
import { PasswordRejected } from '../errors.js';
import { CommonPasswords } from './common-passwords.js';
import { PasswordPolicy } from './password-policy.js';

class TinyList extends CommonPasswords {
  includes(password: string): boolean {
    return password.toLowerCase() === 'password123';
  }
}

describe('the password policy (ASVS 6.2)', () => {
  const policy = new PasswordPolicy(new TinyList());

  it('refuses fewer than 8 characters and counts emoji as one', () => {
    expect(() => policy.check('seven77')).toThrow(PasswordRejected);
    expect(() => policy.check('🔑🔑🔑🔑🔑🔑🔑')).toThrow(PasswordRejected);
    expect(() => policy.check('🔑🔑🔑🔑🔑🔑🔑🔑')).not.toThrow();
  });

  it('accepts 64 and 128 characters and refuses more', () => {
    expect(() => policy.check('x'.repeat(64))).not.toThrow();
    expect(() => policy.check('x'.repeat(128))).not.toThrow();
    expect(() => policy.check('x'.repeat(129))).toThrow(PasswordRejected);
  });

  it('has no composition rules but refuses common passwords whatever their case', () => {
    expect(() => policy.check('all lower case words')).not.toThrow();
    expect(() => policy.check('PassWord123')).toThrow(/too common/);
  });
});
