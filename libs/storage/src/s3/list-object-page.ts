import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { encodeCursor, pageRequest } from '../list-page.js';
import { isValidKey } from '../object-key.js';
import type { ListObjectsOptions, ListedObject, ObjectPage } from '../object-store.js';

/**
 * One page of objects under `prefix`, leaving out the digest records. Pages are
 * continued with StartAfter (the last key returned) rather than S3's continuation token,
 * since the filtering means a page may end mid-way through what S3 returned.
 */
export async function listObjectPage(
  client: S3Client,
  bucket: string,
  prefix: string,
  options?: ListObjectsOptions,
): Promise<ObjectPage> {
  const { limit, after } = pageRequest(options);
  const found: ListedObject[] = [];
  let startAfter = after;
  for (;;) {
    const response = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix || undefined,
        StartAfter: startAfter,
        // Most objects have a record beside them: ask for enough to fill the page at once.
        MaxKeys: Math.min(1000, 2 * (limit + 1)),
      }),
    );
    const contents = response.Contents ?? [];
    for (const { Key, Size, LastModified } of contents) {
      if (Key === undefined || !isValidKey(Key)) continue;
      found.push({ key: Key, size: Size ?? 0, lastModified: LastModified ?? new Date(0) });
    }
    // One beyond the page says whether there is a next one.
    if (found.length > limit || !response.IsTruncated || contents.length === 0) break;
    startAfter = contents[contents.length - 1]?.Key;
  }
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last.key) : undefined };
}
