import { ValidationError } from '@libs/ddd';
import type { LogPosition, LogRecord } from '@libs/platform/ports';

const SEQ = /^\d{1,19}$/;

/** An opaque cursor: the position of a page's last line, as base64url JSON. */
export function encodeLogCursor({ at, source, seq }: LogRecord): string {
  return Buffer.from(JSON.stringify({ at: at.getTime(), source, seq })).toString('base64url');
}

/** The position a cursor names; a cursor this server did not write is a 400. */
export function decodeLogCursor(cursor: string): LogPosition {
  try {
    const { at, source, seq } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (Number.isSafeInteger(at) && typeof source === 'string' && typeof seq === 'string' && SEQ.test(seq)) {
      return { at: new Date(at as number), source, seq };
    }
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw new ValidationError('the cursor is not one this list gave', [{ field: 'cursor', message: 'is not valid' }]);
}

/** Newest first; at one millisecond, by source name, then newest line of the source first. */
export function compareLogRecords(a: LogRecord, b: LogRecord): number {
  const byTime = b.at.getTime() - a.at.getTime();
  if (byTime !== 0) return byTime;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  const [left, right] = [BigInt(a.seq), BigInt(b.seq)];
  return left === right ? 0 : left > right ? -1 : 1;
}
