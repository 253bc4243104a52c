import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorKind, type FieldProblem } from '@libs/ddd';
import { problem, type Problem } from './problem.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'too-large': 413,
  unavailable: 503,
};

// Types whose status no kind expresses: a range past the end of an object (libs/storage).
const STATUS_BY_TYPE: ReadonlyMap<string, number> = new Map([['range-not-satisfiable', 416]]);

// Errors of drivers whose server is unreachable: the client should retry later.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P03',
  '53300',
]);

/** Maps any thrown value to the problem a client sees; says whether it was our bug. */
export function problemForError(error: unknown, instance: string): { problem: Problem; isBug: boolean } {
  if (error instanceof DomainError) {
    const status = STATUS_BY_TYPE.get(error.type) ?? STATUS_BY_KIND[error.kind];
    return {
      problem: problem(status, {
        slug: error.type,
        detail: error.message,
        instance,
        errors: error.errors,
      }),
      isBug: false,
    };
  }
  if (error instanceof HttpException) {
    return { problem: fromHttpException(error, instance), isBug: false };
  }
  const status = statusOfFrameworkError(error);
  if (status !== undefined && status < 500) {
    return {
      problem: problem(status, { detail: (error as Error).message, instance }),
      isBug: false,
    };
  }
  if (isUnavailable(error)) {
    return {
      problem: problem(503, {
        slug: 'dependency-unavailable',
        detail: 'A backing service is unavailable; retry later',
        instance,
      }),
      isBug: false,
    };
  }
  return {
    problem: problem(500, { detail: 'An unexpected error occurred', instance }),
    isBug: true,
  };
}

function fromHttpException(error: HttpException, instance: string): Problem {
  const status = error.getStatus();
  const body = error.getResponse();
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errors = Array.isArray(fromBody.errors) ? (fromBody.errors as FieldProblem[]) : undefined;
  const detail = typeof fromBody.detail === 'string' ? fromBody.detail : detailOf(fromBody.message, error.message);
  const slug = typeof fromBody.slug === 'string' ? fromBody.slug : undefined;
  return problem(status, { slug, detail, instance, errors });
}

function detailOf(message: unknown, fallback: string): string {
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** Fastify and its plugins attach a 4xx `statusCode` to errors such as a too-large body. */
function statusOfFrameworkError(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const name = (current as { name?: unknown }).name;
    if (name === 'MaxRetriesPerRequestError' || name === 'ConnectionIsNotSetError') return true;
    current =
      (current as { cause?: unknown; driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
