import { RangeNotSatisfiableError, type ByteRange } from '@libs/storage';

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The one byte range a Range header asks for (RFC 9110 14.2), or undefined to send the whole
 * artifact: no header, another unit, several ranges or a malformed one, all of which a server may
 * ignore. Throws RangeNotSatisfiableError when no byte of the artifact is in the range.
 */
export function requestedRange(header: string | undefined, size: number): Required<ByteRange> | undefined {
  const match = header === undefined ? null : SINGLE_RANGE.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw new RangeNotSatisfiableError(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return undefined;
  if (start >= size) throw new RangeNotSatisfiableError(size);
  return { start, end: Math.min(end, size - 1) };
}
