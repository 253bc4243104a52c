import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';

/** The error statuses the platform answers with problem+json (libs/platform/src/http/problem-for-error.ts). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 416 | 422 | 429 | 503;

/** What each status means on any route; a route says more with `ApiProblem(status, description)`. */
export const PROBLEM_DESCRIPTIONS: Readonly<Record<ProblemStatus, string>> = {
  400: 'Invalid request: `errors` lists every invalid field',
  401: 'No valid access token or API key; an expired access token is told so (access-token-expired)',
  403: 'The caller lacks the permission this route needs',
  404: 'No such resource visible to the caller',
  409: 'The request conflicts with the current state of the resource',
  412: 'If-Match names a version that is no longer the current one',
  413: 'The body is larger than the limit',
  415: 'The body is not of a media type this route accepts',
  416: 'The range lies outside the resource',
  422: 'The request is well-formed but its content cannot be processed',
  429: 'Too many requests; retry after the Retry-After header',
  503: 'A backing service (PostgreSQL, Redis, storage) is unavailable; retry later',
};

/** The one schema every error response shares, registered by the document builder. */
export const PROBLEM_SCHEMA_NAME = 'Problem';

export function problemResponse(status: ProblemStatus, description = PROBLEM_DESCRIPTIONS[status]) {
  return {
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
  };
}

/** Documents one error a route answers, as problem+json, with what it means there. */
export const ApiProblem = (status: ProblemStatus, description?: string): MethodDecorator & ClassDecorator =>
  ApiResponse({ status, ...problemResponse(status, description) });

/** Documents errors a route answers with their usual meaning (401, 400, 413, 415 and 503 are added by shape). */
export const ApiProblems = (...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...statuses.map((status) => ApiProblem(status)));
