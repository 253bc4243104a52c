import { STATUS_CODES } from 'node:http';
import type { FieldProblem } from '@libs/ddd';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details; `type` is a stable relative URI clients may branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

export function problemType(slug: string): string {
  return `/problems/${slug}`;
}

export function slugForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'error')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function problem(
  status: number,
  fields: {
    slug?: string;
    title?: string;
    detail?: string;
    instance?: string;
    errors?: readonly FieldProblem[];
  },
): Problem {
  return {
    type: problemType(fields.slug ?? slugForStatus(status)),
    title: fields.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(fields.detail !== undefined && { detail: fields.detail }),
    ...(fields.instance !== undefined && { instance: fields.instance }),
    ...(fields.errors !== undefined && { errors: fields.errors }),
  };
}
