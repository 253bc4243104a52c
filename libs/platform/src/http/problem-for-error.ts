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
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

/** The kind a status stands for, the other way round: a problem answered by another process, thrown here again. */
export function domainKindOfStatus(status: number): DomainErrorKind | undefined {
  return (Object.keys(STATUS_BY_KIND) as DomainErrorKind[]).find((kind) => STATUS_BY_KIND[kind] === status);
}

// Types whose status no kind expresses: a range past the end of an object (libs/storage).
const STATUS_BY_TYPE: ReadonlyMap<string, number> = new Map([['range-not-satisfiable', 416]]);

// Errors of drivers whose server is unreachable: the client should retry later. The 57P0x codes are
// PostgreSQL shutting down or starting, class 08 its connection exceptions, 53300 too many clients.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

// node-postgres, its pool and ioredis report a lost or unobtainable connection by message only, without a code.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Query read timeout$/,
  // ioredis: a command past REDIS_COMMAND_TIMEOUT_MS, or sent on a connection that has given up.
  /^Command timed out$/,
  /^Connection is closed\.$/,
];

// Errors named, not coded: Redis gave up retrying; TypeORM has no connection, or released the
// connection of a transaction when its socket failed (PostgresQueryRunner's error handler), so the
// transaction's next query fails with these instead of the network error. Still logged as errors.
const UNAVAILABLE_NAMES = new Set([
  'MaxRetriesPerRequestError',
  'ConnectionIsNotSetError',
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Errors Fastify itself raises before a handler runs carry messages that quote the request (the
 * path, the content type, a piece of the body), so clients get a fixed detail per error instead.
 */
const FRAMEWORK_DETAILS: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The content type of the body is not accepted here; send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty although its content type is JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The length of the body differs from its Content-Length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The body is larger than this server accepts',
  FST_ERR_CTP_INVALID_TYPE: 'The Content-Type header is malformed',
  FST_ERR_BAD_URL: 'The path is not a valid URL',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is longer than this server accepts',
  FST_ERR_ASYNC_CONSTRAINT: 'The request matches no route',
};

/** Maps any thrown value to the problem a client sees; says whether it was our bug. */
export function problemForError(error: unknown, instance: string | undefined): { problem: Problem; isBug: boolean } {
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
    return { problem: problem(status, { detail: frameworkDetail(error), instance }), isBug: false };
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

function fromHttpException(error: HttpException, instance: string | undefined): Problem {
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

/** Our own errors with a status keep their message; Fastify's (FST_*, JSON parsing) get a fixed one. */
function frameworkDetail(error: unknown): string {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && code.startsWith('FST_')) return FRAMEWORK_DETAILS[code] ?? 'The request is malformed';
  if (name === 'SyntaxError') return 'The body is not valid JSON, or holds a forbidden key such as __proto__';
  return typeof message === 'string' ? message : 'The request is malformed';
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
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current =
      (current as { cause?: unknown; driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
