import { InvalidStorageArgumentError, ObjectTooLargeError } from './errors.js';
import type { PutObjectOptions } from './object-store.js';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

// S3 caps user metadata at 2 KiB and lower-cases its names; holding every backend to
// that keeps the adapters interchangeable.
const MAX_METADATA_BYTES = 2048;
const METADATA_NAME = /^[a-z0-9-]{1,64}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const CONTENT_TYPE = /^[\x21-\x7e]+\/[\x20-\x7e]+$/;

export interface CheckedPutOptions {
  readonly maxBytes: number;
  readonly size?: number;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Validates put options; a declared size over the limit is refused before any byte is read. */
export function checkPutOptions(options: PutObjectOptions): CheckedPutOptions {
  const { maxBytes, size, contentType = DEFAULT_CONTENT_TYPE, metadata = {} } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new InvalidStorageArgumentError(`maxBytes must be a whole number of bytes, got ${maxBytes}`);
  }
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 0)) {
    throw new InvalidStorageArgumentError(`size must be a whole number of bytes, got ${size}`);
  }
  if (size !== undefined && size > maxBytes) throw new ObjectTooLargeError(maxBytes);
  if (contentType.length > 255 || !CONTENT_TYPE.test(contentType)) {
    throw new InvalidStorageArgumentError(
      `contentType ${JSON.stringify(contentType.slice(0, 100))} is not a media type`,
    );
  }
  checkMetadata(metadata);
  return { maxBytes, size, contentType, metadata: { ...metadata } };
}

function checkMetadata(metadata: Readonly<Record<string, string>>): void {
  let bytes = 0;
  for (const [name, value] of Object.entries(metadata)) {
    if (!METADATA_NAME.test(name)) {
      throw new InvalidStorageArgumentError(
        `metadata name ${JSON.stringify(name.slice(0, 100))} must be 1-64 of [a-z0-9-]`,
      );
    }
    if (typeof value !== 'string' || !PRINTABLE_ASCII.test(value)) {
      throw new InvalidStorageArgumentError(`metadata ${name} must be printable ASCII`);
    }
    bytes += name.length + value.length;
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw new InvalidStorageArgumentError(`metadata is ${bytes} bytes; at most ${MAX_METADATA_BYTES} are allowed`);
  }
}
