import type { BigIntStats } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** What the file system cannot tell about an object, kept in a JSON file beside it. */
export interface ObjectRecord {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly metadata: Record<string, string>;
  /** Inode of the data file this record describes (see isRecordOf). */
  readonly inode: string;
}

/** Undefined when there is none or it is unreadable: a record is a description, never the object. */
export async function readRecord(path: string): Promise<ObjectRecord | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isObjectRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A rename keeps the inode, so the record written for a temporary data file names the inode
 * that later sits at the object's path. During an overwrite, or after a crash between the two
 * renames, record and data disagree and the record is ignored rather than believed.
 */
export function isRecordOf(record: ObjectRecord | undefined, stat: BigIntStats): record is ObjectRecord {
  return record !== undefined && record.inode === stat.ino.toString() && BigInt(record.size) === stat.size;
}

function isObjectRecord(value: unknown): value is ObjectRecord {
  const record = value as Partial<ObjectRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.sha256 === 'string' &&
    Number.isSafeInteger(record.size) &&
    typeof record.contentType === 'string' &&
    typeof record.inode === 'string' &&
    typeof record.metadata === 'object' &&
    record.metadata !== null
  );
}
