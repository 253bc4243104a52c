import { describe, expect, it } from '@jest/globals';
import { openableRows } from './openable-rows.js';
import { SecretNotOpened } from './secret-cipher.js';

describe('openableRows', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('leaves out and logs a row whose secret does not open, and reads the others', () => {
    const errors: string[] = [];
    const read = ({ id }: { id: string }) => {
      if (id === 'b') throw new SecretNotOpened('key "k0" is not listed');
      return id.toUpperCase();
    };
    expect(openableRows(rows, read, { error: (message: string) => errors.push(message) }, 'webhook')).toEqual([
      'A',
      'C',
    ]);
    expect(errors).toEqual(['webhook b left out: A stored secret could not be decrypted: key "k0" is not listed']);
  });

  it('lets any other failure through', () => {
    const read = () => {
      throw new TypeError('a bug');
    };
    expect(() => openableRows(rows, read, { error: () => undefined }, 'webhook')).toThrow(TypeError);
  });
});
