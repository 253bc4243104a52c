import type { FieldProblem } from '@libs/ddd';

const MAX_NAME_LENGTH = 255;

/**
 * Column names come from users and are quoted, never trusted, by every engine; this only refuses
 * what no engine can quote (empty, NUL) or what no file would reasonably hold (over 255 characters).
 */
export function columnNameProblem(field: string, name: unknown): FieldProblem | undefined {
  if (typeof name !== 'string' || name.length === 0) return { field, message: 'must be a non-empty string' };
  if (name.length > MAX_NAME_LENGTH) return { field, message: `must be at most ${MAX_NAME_LENGTH} characters` };
  if (name.includes('\u0000')) return { field, message: 'must not contain a NUL character' };
  return undefined;
}
