import { describe, expect, it } from '@jest/globals';
import { ListedCommonPasswords } from './listed-common-passwords.js';

describe('the common-passwords list', () => {
  const list = new ListedCommonPasswords();

  it('holds at least 10,000 passwords', () => {
    expect(list.size).toBeGreaterThanOrEqual(10_000);
  });

  it('finds common passwords whatever their case, and not a passphrase', () => {
    expect(list.includes('Password1')).toBe(true);
    expect(list.includes('iloveyou')).toBe(true);
    expect(list.includes('violet tractor sings at dawn')).toBe(false);
  });
});
