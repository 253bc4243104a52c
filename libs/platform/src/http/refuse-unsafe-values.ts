import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-details.filter.js';
import { findUnsafeValue } from './unsafe-values.js';

/**
 * One rule at the edge for every route, before any DTO or handler: path parameters, query and
 * parsed body must hold no NUL character and no absurd nesting; else 400 naming the field.
 */
export function refuseUnsafeValues(fastify: FastifyInstance): void {
  // A callback hook: no promise and microtask per request for a synchronous walk.
  fastify.addHook('preValidation', (request, reply, done) => {
    const unsafe = findUnsafeValue(request.params) ?? findUnsafeValue(request.query) ?? findUnsafeValue(request.body);
    if (unsafe === undefined) return done();
    const refusal = new BadRequestException({
      slug: 'validation-failed',
      detail: 'The request has invalid fields',
      errors: [unsafe],
    });
    // The answer is sent here: the request goes no further (Fastify's reply.send in a callback hook).
    sendProblem(refusal, request, reply);
  });
}
