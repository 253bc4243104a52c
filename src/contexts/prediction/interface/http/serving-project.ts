import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '@libs/ddd';
import { PRINCIPAL_PROPERTY, type Principal } from '@contexts/user-management';

/** How an Open Inference Protocol client names the project whose deployments it calls (docs/adr/0501). */
export const PROJECT_HEADER = 'x-project-id';

/**
 * The project of a protocol request: the X-Project-Id header, else the API key's own project. The
 * guard has authorised the same project before the handler runs.
 */
export const ServingProject = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
  const header = request.headers[PROJECT_HEADER];
  const principal = request[PRINCIPAL_PROPERTY] as Principal | undefined;
  const projectId = (typeof header === 'string' ? header : undefined) ?? principal?.apiKey?.projectId;
  if (!projectId) throw new NotFoundError('Project', 'unnamed');
  return projectId;
});
