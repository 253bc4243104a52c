import { ValidationError } from '@libs/ddd';

/** Cursors are the last sort key of the previous page, opaque (base64url) so nobody builds on their shape. */
export function encodeCursor(lastKey: string | number): string {
  return Buffer.from(String(lastKey), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, pattern: RegExp): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!pattern.test(key))
    throw new ValidationError('The cursor is invalid', [{ field: 'cursor', message: 'not a cursor this list issued' }]);
  return key;
}

export const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NUMBER_KEY = /^[1-9][0-9]{0,9}$/;
