import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The object key of a `.../objects/*` route: everything after `objects/`, slashes included, as
 * Fastify's wildcard parameter `*` holds it. Read here rather than with `@Param('*')`, which the
 * OpenAPI document would list beside the `{path}` it makes of the wildcard.
 */
export const ObjectKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    (context.switchToHttp().getRequest<FastifyRequest>().params as Record<string, string>)['*'],
);

/** The wildcard as the OpenAPI document names it. */
export const OBJECT_KEY_PARAM = {
  name: 'path',
  description: 'The object key: /-separated segments of A-Z a-z 0-9 . _ = -',
  example: 'runs/42/model.onnx',
};
