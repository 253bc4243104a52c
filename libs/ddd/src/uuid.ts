import { v7, validate, version } from 'uuid';

/** Time-ordered ids (RFC 9562 UUIDv7): index-friendly and sortable by creation time. */
export function newId(): string {
  return v7();
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
