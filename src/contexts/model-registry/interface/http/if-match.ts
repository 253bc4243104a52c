import { ValidationError } from '@libs/ddd';

/** The aggregate version an If-Match header names (`"3"`, `W/"3"` or `3`); undefined without the header. */
export function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?([0-9]{1,9})"?\s*$/.exec(Array.isArray(header) ? header.join(',') : header);
  if (!match) {
    throw new ValidationError('If-Match must name one version', [
      { field: 'If-Match', message: 'expected "<version>"' },
    ]);
  }
  return Number(match[1]);
}

/** The ETag of an aggregate at `version`, matched by expectedVersion. */
export const versionTag = (version: number): string => `"${version}"`;
