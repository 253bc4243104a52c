import { v7, validate, version } from 'uuid';
import { pooledRandomBytes } from './random-pool.js';

// The counter of RFC 9562's method 1, as uuid keeps it when it draws its own bytes: ids made in one
// millisecond still sort in the order they were made.
const clock = { msecs: -Infinity, seq: 0 };

/** Time-ordered ids (RFC 9562 UUIDv7): index-friendly and sortable by creation time. */
export function newId(): string {
  const random = pooledRandomBytes(16);
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    // A random start for the millisecond's counter, leaving room to count up (as uuid does).
    clock.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs += 1;
  }
  return v7({ msecs: clock.msecs, seq: clock.seq, random });
}

export function isUuid(value: string): boolean {
  return validate(value);
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

/** The smallest UUIDv7 of a moment: ids below it were made before it (their first 48 bits are the time). */
export function uuidV7Floor(moment: Date): string {
  const hex = moment.getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
