import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemForError } from './problem-for-error.js';
import { problem, PROBLEM_CONTENT_TYPE } from './problem.js';
import { sendProblemBody } from './problem-details.filter.js';

/**
 * Fastify's `frameworkErrors` option: a malformed or over-long path is refused before any route
 * runs, and Fastify's own answer would quote the decoded path. No `instance`: it would be that path.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: (error as { code?: string }).code }, 'request refused by the router');
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
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'cache-control: no-store\r\n' +
      'connection: close\r\n\r\n' +
      body,
  );
}
