import { Catch, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemForError } from './problem-for-error.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

/** How long a client should wait before retrying when a dependency (PostgreSQL, Redis) is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Every error leaves as problem+json; bugs are logged with the request id, never sent. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply);
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { problem, isBug } = problemForError(unmatchedRouteAsFixed(error, request), request.url.split('?')[0]);
  if (isBug || problem.status >= 500) {
    request.log.error({ err: error, status: problem.status }, 'request failed');
  }
  // A rate limit, or a dependency that knows when it comes back (an open circuit breaker).
  if (problem.status === 429 || problem.status === 503) {
    const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  }
  if (problem.status === 503 && !reply.hasHeader('retry-after')) {
    void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  }
  if (problem.status === 401) void reply.header('www-authenticate', bearerChallenge(request));
  sendProblemBody(reply, problem);
}

export function sendProblemBody(reply: FastifyReply, problem: Problem): void {
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * RFC 6750 section 3: every 401 names the Bearer scheme, and says `invalid_token` when a credential
 * came with the request (a bad, expired or revoked token or API key) rather than none at all.
 */
function bearerChallenge(request: FastifyRequest): string {
  const sentCredential = request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined;
  return sentCredential ? 'Bearer error="invalid_token"' : 'Bearer';
}

/** Nest's answer to a path no route matches quotes the method and path; say it without the echo. */
function unmatchedRouteAsFixed(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof NotFoundException && request.routeOptions.url === undefined) {
    return new NotFoundException('No route matches this method and path');
  }
  return error;
}
