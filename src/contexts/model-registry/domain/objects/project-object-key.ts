import { ValidationError } from '@libs/ddd';

/** How a task names an object of the platform store, whichever driver holds it. */
export const OBJECTS_URI_SCHEME = 'objects:///';

const PREFIX = 'project-objects';
const MAX_KEY_LENGTH = 500;
// The store's own allow-list, narrowed here to say what is wrong in terms of the caller's key.
const SEGMENT = /^[A-Za-z0-9._=-]+$/;

/**
 * The store key of an object a user uploaded for their project's tasks: one prefix per project,
 * so a project's routes and tasks reach only its own uploads.
 */
export function projectObjectKey(projectId: string, key: string): string {
  const segments = key.split('/');
  const valid =
    key.length <= MAX_KEY_LENGTH &&
    segments.every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
  if (!valid) {
    throw new ValidationError('The object key is invalid', [
      {
        field: 'key',
        message: `at most ${MAX_KEY_LENGTH} characters of /-separated segments of A-Z a-z 0-9 . _ = -, none empty, . or ..`,
      },
    ]);
  }
  return `${PREFIX}/${projectId}/${key}`;
}

/** Another project's upload, which a task of this project must not read: it is answered as missing. */
export function isAnotherProjectsObject(storeKey: string, projectId: string): boolean {
  return storeKey.startsWith(`${PREFIX}/`) && !storeKey.startsWith(`${PREFIX}/${projectId}/`);
}
