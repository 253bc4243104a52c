import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemForError } from './problem-for-error.js';
import { problem, PROBLEM_CONTENT_TYPE } from './problem.js';
import { sendProblemBody, UNAVAILABLE_RETRY_AFTER_SECONDS } from './problem-details.filter.js';

// What helmet and the no-store default would add: these answers are sent before their hooks run.
const REFUSAL_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * Fastify's `frameworkErrors` option: a malformed or over-long path is refused before any route
 * runs, and Fastify's own answer would quote the decoded path. No `instance`: it would be that path.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: (error as { code?: string }).code }, 'request refused by the router');
  void reply.headers(REFUSAL_HEADERS);
  sendProblemBody(reply, problemForError(error, undefined).problem);
}

// Node's HTTP parser errors that are the client's doing, by the status they earn.
const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_TOO_LONG: 414,
};

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (a body shorter than its
 * Content-Length, a malformed request line, headers too large) never reaches Fastify's routing,
 * so the answer is written on the socket here, as problem+json, and the connection closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  const body = JSON.stringify(problem(status, { detail: `The request could not be read (${STATUS_CODES[status]})` }));
  const headers = {
    ...REFUSAL_HEADERS,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}connection: close\r\n\r\n${body}`);
}

/**
 * The last net for error bodies that Fastify or Nest build themselves as plain JSON rather than
 * through the problem filter (Nest's 503 while the server closes, for one), recognised by their
 * shape (`{ statusCode, error, message }`): they leave as problem+json, with a detail of their
 * own instead of whatever the body said. Other JSON answers, whatever their status, are left be.
 */
export function problemsOnly(fastify: FastifyInstance): void {
  // A callback hook: most answers pass untouched, without a promise and microtask each.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (reply.statusCode < 400) return done(null, payload);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('application/json') || !isFrameworkErrorBody(payload, reply.statusCode))
      return done(null, payload);
    void reply.header('content-type', PROBLEM_CONTENT_TYPE);
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    done(null, JSON.stringify(problem(reply.statusCode, { detail: 'The server refused the request' })));
  });
}

function isFrameworkErrorBody(payload: unknown, status: number): boolean {
  if (typeof payload !== 'string') return false;
  try {
    return (JSON.parse(payload) as { statusCode?: unknown } | null)?.statusCode === status;
  } catch {
    return false;
  }
}
