import { BadRequestException } from '@nestjs/common';
import { ConcurrencyError } from '@libs/ddd';

/** The ETag of a workflow: its aggregate version, which an update must name in If-Match. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version If-Match names; undefined when absent or `*`. An ETag we never issued cannot match: 412. */
export function versionFromIfMatch(ifMatch: string | undefined, workflowId: string): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (match === null) throw new ConcurrencyError('workflow', workflowId);
  return Number(match[1]);
}

/** Idempotency keys are opaque client strings; bounded so they stay cheap to index. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new BadRequestException({
      slug: 'validation-failed',
      detail: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  return header;
}
