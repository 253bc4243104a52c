import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, isUuid, NotFoundError, ValidationError } from '@libs/ddd';
import { IS_ADMIN_ROUTE, IS_PUBLIC_ROUTE, RequestContext } from '@libs/platform';
import { AuthorizeRequestHandler } from '../../../application/authorize-request/authorize-request.handler.js';
import { PRINCIPAL_PROPERTY, type Principal } from '../../../contracts/principal.js';
import {
  REQUIRED_PERMISSION,
  type PermissionRequirement,
  type ProjectOfResource,
} from '../../../contracts/require-permission.decorator.js';
import { Unauthenticated } from '../../../domain/errors.js';
import { PLATFORM_STRATEGY } from './platform-credential.strategy.js';

type RequestWithPrincipal = FastifyRequest & { [PRINCIPAL_PROPERTY]?: Principal };

/**
 * The global guard (APP_GUARD) of every process that serves HTTP, whatever contexts it hosts.
 * Fails closed: a route needs a principal unless marked @Public(); then @AdminOnly() and
 * @RequirePermission() are enforced. API keys only reach permission-checked project routes.
 */
@Injectable()
export class AccessGuard extends AuthGuard(PLATFORM_STRATEGY) {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly authorize: AuthorizeRequestHandler,
  ) {
    // Passport's options (the request property) come from PassportModule.register in the access module.
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, targets)) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = request[PRINCIPAL_PROPERTY]!;
    const scope = RequestContext.current();
    if (scope)
      scope.actor = principal.kind === 'api-key' ? `api-key:${principal.apiKey!.id}` : `user:${principal.userId}`;

    if (this.reflector.getAllAndOverride<boolean>(IS_ADMIN_ROUTE, targets)) {
      if (principal.kind !== 'user' || !principal.isAdmin) throw new ForbiddenError('Only administrators may do this');
    }
    const requirement = this.reflector.getAllAndOverride<PermissionRequirement | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (requirement) await this.checkPermission(principal, requirement, request);
    else if (principal.kind === 'api-key')
      throw new ForbiddenError('API keys may only call project routes', 'api-key-not-allowed');
    return true;
  }

  override handleRequest<TUser = Principal>(error: unknown, principal: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (error || !principal) throw new Unauthenticated();
    return principal;
  }

  private async checkPermission(
    principal: Principal,
    requirement: PermissionRequirement,
    request: RequestWithPrincipal,
  ): Promise<void> {
    const projectId = await this.projectOf(requirement, request, principal);
    const decision = await this.authorize.execute({ principal, projectId, permission: requirement.permission });
    if (decision === 'hidden') throw new NotFoundError('Resource', request.url.split('?')[0]);
    if (decision === 'denied')
      throw new ForbiddenError(`This needs the ${requirement.permission} permission`, 'permission-denied');
    // Known only here for a route addressing an item by its own id; the gateway's rate limits count per project.
    const scope = RequestContext.current();
    if (scope) scope.projectId = projectId;
  }

  /**
   * The project a request addresses: a path parameter, the project of the item in its path or
   * query, or a header (an API key's project without it).
   */
  private async projectOf(
    requirement: PermissionRequirement,
    request: FastifyRequest,
    principal: Principal,
  ): Promise<string> {
    const params = request.params as Record<string, string | undefined>;
    const notFound = () => new NotFoundError('Resource', 'requested');
    if (requirement.projectHeader) {
      const header = request.headers[requirement.projectHeader.toLowerCase()];
      const projectId = (typeof header === 'string' ? header : undefined) ?? principal.apiKey?.projectId;
      if (!projectId || !isUuid(projectId)) throw notFound();
      return projectId;
    }
    if (requirement.resource) {
      const { query, param } = requirement.resource;
      const resourceId = query ? queryValue(request.query, query) : params[param ?? 'id'];
      // A route that names its resource in the query cannot be addressed without it: a bad request.
      if (!resourceId && query) throw new ValidationError(`The query parameter ${query} is required, once`);
      if (!resourceId) throw notFound();
      const resolver = this.moduleRef.get<ProjectOfResource>(requirement.resource.resolver, { strict: false });
      const projectId = await resolver.projectOf(resourceId);
      if (!projectId) throw notFound();
      return projectId;
    }
    const projectId = params[requirement.projectParam ?? 'projectId'];
    if (!projectId || !isUuid(projectId)) throw notFound();
    return projectId;
  }
}

/** A query parameter given once as text; repeated or absent is no id at all. */
function queryValue(query: unknown, name: string): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(query, name)?.value;
  return typeof value === 'string' ? value : undefined;
}
