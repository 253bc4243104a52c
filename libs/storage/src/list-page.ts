import { InvalidStorageArgumentError } from './errors.js';
import { assertValidKey } from './object-key.js';
import type { ListObjectsOptions } from './object-store.js';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

export interface PageRequest {
  readonly limit: number;
  /** List keys strictly after this one. */
  readonly after?: string;
}

/**
 * A cursor is the last key of the previous page, so every backend pages the same way
 * and a page survives objects being added or deleted between requests. It is opaque to
 * clients (base64url) only so nobody builds on its shape.
 */
export function pageRequest(options: ListObjectsOptions = {}): PageRequest {
  const { limit = DEFAULT_PAGE_LIMIT, cursor } = options;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InvalidStorageArgumentError(`limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}, got ${limit}`);
  }
  return { limit, after: cursor === undefined ? undefined : decodeCursor(cursor) };
}

export function encodeCursor(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  try {
    assertValidKey(key);
  } catch {
    throw new InvalidStorageArgumentError('cursor is not one this store issued');
  }
  return key;
}
