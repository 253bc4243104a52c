import { randomUUID } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';

// '@' never occurs in a valid key, so these names cannot collide with a key's folders:
// 'a' (an object) and 'a/b' (another) live side by side as 'a@object' and 'a/b@object'.
export const OBJECT_SUFFIX = '@object';
export const RECORD_SUFFIX = '@meta.json';
const TEMPORARY_DIRECTORY = '@tmp';

/** Where each key's files live under the store's root. */
export class ObjectFiles {
  readonly root: string;
  /** Inside the root, so a rename from here to an object path never crosses file systems. */
  readonly temporaryDirectory: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.temporaryDirectory = join(this.root, TEMPORARY_DIRECTORY);
  }

  dataPath(key: string): string {
    return this.inside(key) + OBJECT_SUFFIX;
  }

  recordPath(key: string): string {
    return this.inside(key) + RECORD_SUFFIX;
  }

  directoryOf(key: string): string {
    return dirname(this.inside(key));
  }

  temporaryPath(): string {
    return join(this.temporaryDirectory, randomUUID());
  }

  // Keys are validated before they get here; this is the second lock on the same door.
  private inside(key: string): string {
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`Object key ${key} resolves outside the store root`);
    return path;
  }
}
