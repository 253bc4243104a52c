import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { CommonPasswords } from '../../domain/users/common-passwords.js';

/**
 * The ~49,000 most common passwords of zxcvbn-ts's list, compared case-insensitively, so
 * "Password1" is refused like "password1".
 */
@Injectable()
export class ListedCommonPasswords extends CommonPasswords {
  private readonly listed = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

  includes(password: string): boolean {
    return this.listed.has(password.toLowerCase());
  }

  get size(): number {
    return this.listed.size;
  }
}
