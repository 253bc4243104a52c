import { InvalidStorageArgumentError, RangeNotSatisfiableError } from './errors.js';
import type { ByteRange } from './object-store.js';

export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
}

/** Refuses ranges no object could satisfy (negative, reversed, fractional). */
export function checkRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new InvalidStorageArgumentError(`range start must be a whole number >= 0, got ${start}`);
  }
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new InvalidStorageArgumentError(`range end must be a whole number >= start, got ${end}`);
  }
}

/** HTTP semantics (RFC 9110 14.1.2): an end past the object is clamped; a start past it is unsatisfiable. */
export function resolveRange(range: ByteRange, size: number): ResolvedRange {
  if (range.start >= size) throw new RangeNotSatisfiableError(size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

export function rangeHeader(range: ByteRange): string {
  return `bytes=${range.start}-${range.end ?? ''}`;
}

/** Reads `bytes 0-99/1234` as sent back with a 206. */
export function parseContentRange(header: string | undefined): (ResolvedRange & { size: number }) | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}
