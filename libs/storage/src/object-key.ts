import { InvalidObjectKeyError } from './errors.js';

export const MAX_KEY_LENGTH = 1000;
export const MAX_SEGMENT_LENGTH = 200;

// An allow-list rather than a deny-list: these keys are the same bytes on every file system
// (no Unicode normalisation, nothing Windows forbids, no '\'), need no escaping in
// presigned URLs, and leave '@' free for the stores' own records (see ObjectFiles, S3 digests).
const FORBIDDEN_CHARACTER = /[^A-Za-z0-9._=/-]/;

/**
 * Throws InvalidObjectKeyError unless `key` is relative, '/'-separated segments of
 * [A-Za-z0-9._=-], none of them '.' or '..': so a key can never leave a store's root.
 */
export function assertValidKey(key: string): void {
  const reason = keyProblem(key);
  if (reason) throw new InvalidObjectKeyError(key, reason);
}

/** For listings, which skip whatever else shares the bucket or folder (and the stores' own '@' records). */
export function isValidKey(key: string): boolean {
  return keyProblem(key) === undefined;
}

/** Prefixes for listing follow the key rules, but may be empty or end in '/' or mid-segment. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  const reason = keyProblem(prefix.endsWith('/') ? `${prefix}x` : prefix);
  if (reason) throw new InvalidObjectKeyError(prefix, `as a prefix, ${reason}`);
}

function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'it is empty';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  const forbidden = FORBIDDEN_CHARACTER.exec(key);
  if (forbidden) return `it contains ${JSON.stringify(forbidden[0])}; allowed are A-Z a-z 0-9 . _ - = and /`;
  if (key.startsWith('/')) return 'it is absolute (starts with /)';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment (// or a trailing /)';
    if (segment === '.' || segment === '..') return 'it has a . or .. segment';
    if (segment.length > MAX_SEGMENT_LENGTH) return `a segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
  }
  return undefined;
}
